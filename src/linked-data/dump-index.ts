// The index of the dumps (name, URL, media type, size, SHA-256) and the SHA256SUMS file, for the server and `casegraph export`.
import type { DumpSet } from './build-dumps.js';

export interface DumpIndexEntry {
  readonly name: string;
  readonly url: string;
  readonly mediaType: string;
  readonly description: string;
  readonly size: number;
  readonly sha256: string;
}

export interface DumpIndex {
  readonly datasetVersion: string;
  readonly triples: number;
  readonly quads: number;
  readonly dumps: readonly DumpIndexEntry[];
}

export function dumpIndex(set: DumpSet, prefix: string): DumpIndex {
  return {
    datasetVersion: set.version,
    triples: set.triples,
    quads: set.quads,
    dumps: set.dumps.map((d) => ({ name: d.name, url: prefix + d.name, mediaType: d.mediaType, description: d.description, size: d.size, sha256: d.sha256 })),
  };
}

/** `sha256sum -c` reads this. */
export function sha256Sums(set: DumpSet): string {
  return set.dumps.map((d) => `${d.sha256}  ${d.name}\n`).join('');
}
