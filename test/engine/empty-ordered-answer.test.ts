import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { openLocalStore } from '../../src/backends/local/open-local-store.js';

// Comunica hands back an ORDER BY over an empty join already finished; a reader waiting for its 'end'
// event would wait until the deadline killed the worker.
let store: GraphStore;
beforeAll(async () => {
  store = await openLocalStore(loadConfig({}, { workers: 1, queryTimeoutMs: 8_000 }));
});
afterAll(async () => store?.close());

describe('an ordered query with no answers', () => {
  it.each([
    ['a join that matches nothing', 'SELECT ?v WHERE { ?x a <http://example.test/Nothing> . ?x <http://example.test/p> ?v } ORDER BY ?v'],
    ['a single pattern that matches nothing', 'SELECT ?v WHERE { ?x <http://example.test/p> ?v } ORDER BY DESC(?v)'],
    ['a CONSTRUCT that matches nothing', 'CONSTRUCT { ?x ?p ?v } WHERE { ?x a <http://example.test/Nothing> ; ?p ?v } ORDER BY ?v'],
  ])('answers at once for %s', async (_case, query) => {
    // A hang ends in the deadline's QueryTimeoutError, which fails this test.
    const result = await store.query({ query });
    expect(result.kind === 'boolean' ? undefined : result.kind === 'bindings' ? result.rows : result.quads).toEqual([]);
  });
});
