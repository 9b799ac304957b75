// Test helper: the real app over the shipped ontology and data (or a synthetic dataset under http://example.test/).
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config/load-config.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { openLocalStore } from '../../src/backends/local/open-local-store.js';
import { appOverFolder, copyRequiredQueries } from './synthetic-app.js';
import { writeDataset } from './synthetic-store.js';

export interface LinkedDataApp {
  readonly app: FastifyInstance;
  readonly store: GraphStore;
  readonly config: Config;
  close(): Promise<void>;
}

/** The app over data/ and ontology/ as shipped, one query worker (these tests use match(), not SPARQL). */
export async function realApp(overrides: Partial<Config> = {}): Promise<LinkedDataApp> {
  const config = loadConfig({}, { workers: 1, ...overrides });
  const store = await openLocalStore(config);
  const app = buildApp({ store, config });
  await app.ready();
  return { app, store, config, close: () => app.close() };
}

// One writer of synthetic dataset folders for all tests.
export { syntheticBase, writeDataset } from './synthetic-store.js';

/** The real app over a synthetic dataset (plus the queries the app needs at startup); the folder is removed on close. */
export async function syntheticLinkedDataApp(files: Readonly<Record<string, string>>): Promise<LinkedDataApp> {
  const root = writeDataset(files);
  copyRequiredQueries(root);
  return appOverFolder(root);
}
