// The dataset as a shared quad index: from a verified snapshot of its version when there is one, else parsed and indexed in one pass.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import type { Config } from '../../config/load-config.js';
import { readDataset } from '../../dataset/read-dataset.js';
import type { ProgressLine } from '../../dataset/progress-line.js';
import type { LoadedGraph } from '../../store/graph-store.js';
import { buildQuadIndex } from './build-quad-index.js';
import type { QuadIndexBuffers } from './quad-index-buffers.js';
import { readSnapshot, snapshotFile, writeSnapshot } from './index-snapshot.js';

export interface LoadQuadIndexOptions {
  /** Shown while the dataset is parsed (`casegraph serve` passes one on stderr); silent when absent. */
  readonly progress?: ProgressLine;
  /** One line on why a snapshot was not used or not written; nothing is said when absent. */
  readonly log?: (line: string) => void;
}

export interface LoadedQuadIndex {
  readonly buffers: QuadIndexBuffers;
  readonly graphs: readonly LoadedGraph[];
  readonly version: string;
  /** True when the index came from a snapshot and nothing was parsed. */
  readonly fromSnapshot: boolean;
}

/** What a snapshot keeps beside the buffers: the counts and the graphs, which only a parse would otherwise tell. */
interface IndexMeta {
  readonly termCount: number;
  readonly quadCount: number;
  readonly orders: number;
  readonly graphs: readonly LoadedGraph[];
}

/**
 * Every file is read and hashed first, so the version is known before parsing: a snapshot is used only for that
 * exact version and only after its checksum holds. A failed snapshot write is said and otherwise ignored: the
 * index in memory is complete, and the next start simply parses again.
 */
export function loadQuadIndex(config: Config, options: LoadQuadIndexOptions = {}): LoadedQuadIndex {
  const dataset = readDataset({ root: config.root, dirs: config.dataDirs, baseIri: config.baseIri, onProgress: options.progress?.onProgress });
  const file = config.snapshotDir === undefined ? undefined : snapshotFile(config.snapshotDir, dataset.version);
  const snapshot = file === undefined ? undefined : readSnapshot<IndexMeta>(file, dataset.version, { log: options.log });
  const restored = snapshot && fromSnapshot(snapshot.meta, snapshot.buffers);
  if (restored) {
    options.progress?.finish();
    return { buffers: restored, graphs: snapshot.meta.graphs, version: dataset.version, fromSnapshot: true };
  }

  let graphs: readonly LoadedGraph[] = [];
  const quads = dataset.quads();
  // The generator's return value (the graphs and their sizes) is lost to a for…of, so it is read by hand.
  const all: Iterable<Quad> = {
    *[Symbol.iterator]() {
      for (let next = quads.next(); ; next = quads.next()) {
        if (next.done) {
          graphs = next.value;
          return;
        }
        yield next.value;
      }
    },
  };
  const buffers = buildQuadIndex(all);
  options.progress?.finish();
  if (file !== undefined) {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const meta: IndexMeta = { termCount: buffers.termCount, quadCount: buffers.quadCount, orders: buffers.orders.length, graphs };
      writeSnapshot<IndexMeta>(file, { version: dataset.version, meta, buffers: toNamedBuffers(buffers) });
    } catch (error) {
      options.log?.(`index snapshot not written to ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { buffers, graphs, version: dataset.version, fromSnapshot: false };
}

function toNamedBuffers(buffers: QuadIndexBuffers): Record<string, SharedArrayBuffer> {
  const named: Record<string, SharedArrayBuffer> = { termBytes: buffers.termBytes, termOffsets: buffers.termOffsets, termHash: buffers.termHash };
  buffers.orders.forEach((order, i) => (named[`order${i}`] = order));
  return named;
}

/** The buffers back in their shape; undefined when the snapshot lacks one (a checksum cannot catch a writer's bug). */
function fromSnapshot(meta: IndexMeta, named: Record<string, SharedArrayBuffer>): QuadIndexBuffers | undefined {
  const { termBytes, termOffsets, termHash } = named;
  const orders = Array.from({ length: meta.orders }, (_, i) => named[`order${i}`]);
  if (!termBytes || !termOffsets || !termHash || orders.some((o) => o === undefined)) return undefined;
  return { termCount: meta.termCount, quadCount: meta.quadCount, termBytes, termOffsets, termHash, orders: orders as SharedArrayBuffer[] };
}
