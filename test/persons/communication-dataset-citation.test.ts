// The draft cites the dataset where it is published (PUBLIC_BASE_IRI), not at a loopback BASE_IRI, with its version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { openLocalStore } from '../../src/backends/local/open-local-store.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { readMarkdown } from '../helpers/footnoted-sentences.js';

let app: FastifyInstance;
let store: GraphStore;

beforeAll(async () => {
  const config = loadConfig({ BASE_IRI: 'http://127.0.0.1:3000/', PUBLIC_BASE_IRI: 'https://casegraph.example.org/' }, { workers: 1 });
  store = await openLocalStore(config);
  app = buildApp({ store, config });
  await app.ready();
});
afterAll(async () => app?.close());

describe('a server whose BASE_IRI is loopback and PUBLIC_BASE_IRI is set', () => {
  it('cites the dataset at the public IRI, with its version, in the draft’s first footnote', async () => {
    const { footnotes } = readMarkdown((await app.inject({ url: '/api/persons/gulmire-imin/communication.md' })).body);
    expect(footnotes.get(1)).toBe(
      `casegraph dataset, version ${store.version}. Available at https://casegraph.example.org/ (SPARQL endpoint https://casegraph.example.org/sparql).`,
    );
    expect([...footnotes.values()].join('\n')).not.toContain('127.0.0.1');
  });
});
