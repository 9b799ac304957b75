// Test helper: the real app over the shipped ontology and data (or a synthetic dataset under http://example.test/).
import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import Fastify from 'fastify';
import { loadConfig, type Config } from '../../src/config/load-config.js';
import { errorHandler } from '../../src/http/error-handler.js';
import { etagPlugin } from '../../src/http/etag-plugin.js';
import { openApiPlugin } from '../../src/http/openapi-plugin.js';
import { storePlugin } from '../../src/http/store-plugin.js';
import { linkedDataPlugin } from '../../src/linked-data/linked-data-plugin.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { openLocalStore } from '../../src/store/open-local-store.js';
import { syntheticBase, writeDataset } from '../store/synthetic-store.js';

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
export { syntheticBase, writeDataset } from '../store/synthetic-store.js';

/** The linked-data plugins over a synthetic dataset; the folder is removed on close. */
export async function syntheticLinkedDataApp(files: Readonly<Record<string, string>>): Promise<LinkedDataApp> {
  const root = writeDataset(files);
  const config = loadConfig({}, { root, dataDirs: ['data'], baseIri: syntheticBase, workers: 1 });
  const store = await openLocalStore(config);
  // Only the plugins linked data needs, in app.ts's order: the other features (saved queries, citations)
  // need query files that a synthetic dataset folder does not have.
  const app = Fastify({ routerOptions: { ignoreTrailingSlash: true } });
  app.register(errorHandler);
  app.register(storePlugin, { store, config });
  app.register(openApiPlugin, { version: store.version });
  app.register(etagPlugin);
  app.register(linkedDataPlugin);
  try {
    await app.ready();
  } catch (error) {
    await app.close().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    app,
    store,
    config,
    async close() {
      await app.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
