// Test helper: the real app over the real store, loaded from a small synthetic dataset under http://example.test/.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, projectRoot, type Config } from '../../src/config/load-config.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { openLocalStore } from '../../src/backends/local/open-local-store.js';
import { syntheticBase } from './synthetic-store.js';

// One synthetic base for all tests.
export { syntheticBase };
export const vocab = 'http://example.test/vocab#';
export const peopleCount = 30;
export const placeCount = 10;

/** Two files, so two named graphs: people (with names and numbers) and places (with language-tagged labels). */
/** Saved queries some routes require at startup (the citation routes); the other project queries stay out. */
export const requiredQueryFolders = ['queries/citations', 'queries/reconciliation'];

/**
 * Only the required project queries come along: the others enumerate parameter values from the data at
 * startup, which means nothing on synthetic data. `queryFiles` adds synthetic ones.
 */
export function writeSyntheticDataset(queryFiles: Readonly<Record<string, string>> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'casegraph-http-'));
  copyRequiredQueries(root);
  for (const [file, text] of Object.entries(queryFiles)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const people = [`@prefix ex: <${vocab}> .`];
  for (let i = 1; i <= peopleCount; i += 1) {
    people.push(`<id/person/p${i}> a ex:Person ; ex:name "Person ${i}" ; ex:number ${i} ; ex:livesIn <id/place/l${(i % placeCount) + 1}> .`);
  }
  const places = [`@prefix ex: <${vocab}> .`];
  for (let i = 1; i <= placeCount; i += 1) places.push(`<id/place/l${i}> a ex:Place ; ex:label "Place ${i}"@en .`);
  mkdirSync(path.join(root, 'data'), { recursive: true });
  writeFileSync(path.join(root, 'data/people.ttl'), `${people.join('\n')}\n`);
  writeFileSync(path.join(root, 'data/places.ttl'), `${places.join('\n')}\n`);
  return root;
}

/** Copies the project queries the app needs at startup (`requiredQueryFolders`) into a dataset folder. */
export function copyRequiredQueries(root: string): void {
  for (const folder of requiredQueryFolders) {
    if (existsSync(path.join(projectRoot, folder))) cpSync(path.join(projectRoot, folder), path.join(root, folder), { recursive: true });
  }
}

export const peopleGraph = `${syntheticBase}graph/data/people`;
export const placesGraph = `${syntheticBase}graph/data/places`;
/** 4 triples per person, 2 per place. */
export const tripleCount = peopleCount * 4 + placeCount * 2;

export interface SyntheticApp {
  readonly app: FastifyInstance;
  readonly store: GraphStore;
  readonly config: Config;
  close(): Promise<void>;
}

/**
 * `queryFiles` (e.g. `{'queries/x.rq': '#+ summary: ...'}`) join the saved queries and the editor's examples;
 * `adaptStore` changes what the app sees of the local store (e.g. a store without `answer`, as STORE=sparql is).
 */
export async function syntheticApp(
  overrides: Partial<Config> = {},
  queryFiles: Readonly<Record<string, string>> = {},
  adaptStore?: (store: GraphStore) => GraphStore,
): Promise<SyntheticApp> {
  return appOverFolder(writeSyntheticDataset(queryFiles), overrides, adaptStore);
}

/** The real app (buildApp) over a dataset folder under http://example.test/; the folder is removed on close or failure. */
export async function appOverFolder(root: string, overrides: Partial<Config> = {}, adaptStore = (store: GraphStore) => store): Promise<SyntheticApp> {
  const removeFolder = () => rmSync(root, { recursive: true, force: true });
  const config = loadConfig({}, { root, dataDirs: ['data'], baseIri: syntheticBase, workers: 1, ...overrides });
  const store = await openLocalStore(config).then(adaptStore, (error: unknown) => {
    removeFolder();
    throw error;
  });
  let app: FastifyInstance | undefined;
  try {
    app = buildApp({ store, config });
    await app.ready();
  } catch (error) {
    // The app owns the store once built: closing it frees the workers; before that, close the store itself.
    await (app ? app.close() : store.close()).catch(() => undefined);
    removeFolder();
    throw error;
  }
  const built = app;
  return {
    app: built,
    store,
    config,
    async close() {
      await built.close();
      removeFolder();
    },
  };
}
