// The dataset version: a content hash over the base IRI and every loaded file, stable across machines.
import { createHash, type Hash } from 'node:crypto';

/**
 * First 16 hex digits of SHA-256 over base IRI, file paths and contents, fed one file at a time so a reader need not
 * keep every text to compute it; files must come in path order.
 */
export interface DatasetVersionHash {
  add(file: string, content: string): void;
  readonly hash: Hash;
}

export function datasetVersionHash(baseIri: string): DatasetVersionHash {
  const hash = createHash('sha256');
  hash.update(`base\0${baseIri}\0`);
  return {
    hash,
    add(file, content) {
      // content.length counts UTF-16 units, as it always has: the version of unchanged data must not change.
      hash.update(`file\0${file}\0${content.length}\0`);
      hash.update(content);
      hash.update('\0');
    },
  };
}

export function finishDatasetVersion(version: DatasetVersionHash): string {
  return version.hash.digest('hex').slice(0, 16);
}
