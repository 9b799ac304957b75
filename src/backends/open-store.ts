// Opens the GraphStore the settings name: the one place that knows which backend stands behind the store port.
import type { Config } from '../config/load-config.js';
import type { GraphStore } from '../store/graph-store.js';
import { openLocalStore, type OpenStoreOptions } from './local/open-local-store.js';

export type { OpenStoreOptions };

/** The embedded backend (N3 + Comunica workers) is the only one so far; the server and the CLI never name it. */
export function openStore(config: Config, options: OpenStoreOptions = {}): Promise<GraphStore> {
  return openLocalStore(config, options);
}
