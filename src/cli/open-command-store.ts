// The store a one-shot command (query, cite, export) reads: one query worker, at the command's own CPU priority.
import { openStore } from '../backends/open-store.js';
import type { Config } from '../config/load-config.js';
import type { GraphStore } from '../store/graph-store.js';

/**
 * One worker is enough for one command's queries, and with no request thread to keep a core for, the worker is not
 * lowered below the command (QUERY_WORKER_NICE is for `serve`).
 */
export function openCommandStore(config: Config): Promise<GraphStore> {
  return openStore({ ...config, workers: 1, queryWorkerNice: 0 });
}
