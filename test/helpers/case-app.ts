// Test helper: the real app over the real store and the shipped data (one query worker), for the citation routes.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config/load-config.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { openLocalStore } from '../../src/backends/local/open-local-store.js';

export interface CaseApp {
  readonly app: FastifyInstance;
  readonly store: GraphStore;
  readonly config: Config;
}

export async function openCaseApp(): Promise<CaseApp> {
  const config = loadConfig({}, { workers: 1 });
  const store = await openLocalStore(config);
  const app = buildApp({ store, config });
  await app.ready();
  return { app, store, config };
}

/** The seed page every claim of the Gulmire Imin case cites. */
export function seedSource(base: string): string {
  return `${base}id/source/uhrp-prisoner-profile-gulmire-imin`;
}
