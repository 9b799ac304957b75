// Reads every Turtle/TriG file under the dataset folders into one N3 store, one named graph per file.
import { Store } from 'n3';
import { readDataset, type ReadDatasetOptions } from './read-dataset.js';
import type { LoadedGraph } from '../store/graph-store.js';

export type LoadGraphOptions = ReadDatasetOptions;

export interface LoadedDataset {
  readonly store: Store;
  readonly graphs: readonly LoadedGraph[];
  readonly version: string;
}

/**
 * Fills a store from readDataset's single pass; a syntax error anywhere throws before the store is returned, so
 * nothing half-loaded is ever served. One addQuad per quad: no per-file array is kept beside the store.
 */
export function loadGraph(options: LoadGraphOptions): LoadedDataset {
  const dataset = readDataset(options);
  const store = new Store();
  const quads = dataset.quads();
  let next = quads.next();
  while (!next.done) {
    store.addQuad(next.value);
    next = quads.next();
  }
  return { store, graphs: next.value, version: dataset.version };
}
