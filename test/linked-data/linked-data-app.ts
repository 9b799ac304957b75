// Test helper: the real app over the shipped ontology and data (or a synthetic dataset under http://example.test/).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, projectRoot, type Config } from '../../src/config/load-config.js';
import { loadQueryCatalog } from '../../src/queries/load-query-catalog.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { openLocalStore } from '../../src/store/open-local-store.js';

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

export const syntheticBase = 'http://example.test/';

/** A dataset of the given files (relative path → Turtle) in a fresh folder, with the real ontology beside it. */
export function writeDataset(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'casegraph-ld-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

/** The app over a synthetic dataset; the folder is removed on close. */
export async function syntheticLinkedDataApp(files: Readonly<Record<string, string>>): Promise<LinkedDataApp> {
  const root = writeDataset(files);
  const config = loadConfig({}, { root, dataDirs: ['data'], baseIri: syntheticBase, workers: 1 });
  const store = await openLocalStore(config);
  // The saved queries ship with the code (other routes need them), so they come from the project, not the dataset folder.
  const app = buildApp({ store, config, catalog: loadQueryCatalog(projectRoot, syntheticBase) });
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
