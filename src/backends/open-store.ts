// Opens the GraphStore the settings name: the one place that knows which backend stands behind the store port.
import type { Config } from '../config/load-config.js';
import type { GraphStore } from '../store/graph-store.js';
import { openLocalStore, type OpenStoreOptions } from './local/open-local-store.js';
import { openSparqlStore } from './sparql/open-sparql-store.js';

export type { OpenStoreOptions };

/** STORE=local (the default): the embedded index and query workers. STORE=sparql: a SPARQL server at SPARQL_QUERY_URL. */
export function openStore(config: Config, options: OpenStoreOptions = {}): Promise<GraphStore> {
  return config.store === 'sparql' ? openSparqlStore(config) : openLocalStore(config, options);
}

/** Loading into a remote store is the sparql backend's own business; the CLI reaches it through here. */
export { loadIntoSparql, type LoadReport } from './sparql/load-into-sparql.js';
