// Test helper: writes synthetic Turtle files (http://example.test/ only) to a temporary root and opens a local store on them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import type { Config } from '../../src/config/load-config.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { openLocalStore } from '../../src/backends/local/open-local-store.js';

export const syntheticBase = 'http://example.test/';

export interface SyntheticStore {
  readonly store: GraphStore;
  readonly config: Config;
  /** Closes the store and removes the temporary files. */
  dispose(): Promise<void>;
}

export function writeDataset(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'casegraph-sparql-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

export async function openSyntheticStore(files: Readonly<Record<string, string>>, overrides: Partial<Config> = {}): Promise<SyntheticStore> {
  const root = writeDataset(files);
  const config = loadConfig({}, { root, dataDirs: ['data'], baseIri: syntheticBase, workers: 2, ...overrides });
  const store = await openLocalStore(config);
  return {
    store,
    config,
    async dispose() {
      await store.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
