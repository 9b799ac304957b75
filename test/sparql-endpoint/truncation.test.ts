import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticApp, type SyntheticApp } from '../helpers/synthetic-app.js';

let s: SyntheticApp;
beforeAll(async () => {
  s = await syntheticApp({ maxResults: 5 });
});
afterAll(async () => {
  await s.close();
});

async function get(query: string, accept?: string) {
  return s.app.inject({ method: 'GET', url: '/sparql', query: { query }, headers: accept ? { accept } : {} });
}

describe('an answer cut at MAX_RESULTS', () => {
  it('says so in the Casegraph-Truncated header and in the SPARQL JSON head', async () => {
    const res = await get('SELECT * { ?s ?p ?o }');
    expect(res.headers['casegraph-truncated']).toBe('true');
    const body = res.json<{ head: { link?: string[] }; results: { bindings: unknown[] } }>();
    expect(body.results.bindings).toHaveLength(5);
    expect(body.head.link?.length).toBe(1);
  });

  it('says so for a CONSTRUCT too', async () => {
    const res = await get('CONSTRUCT WHERE { ?s ?p ?o }', 'application/n-triples');
    expect(res.headers['casegraph-truncated']).toBe('true');
    expect(res.body.trim().split('\n')).toHaveLength(5);
  });

  it('is not claimed when nothing was cut', async () => {
    const res = await get('SELECT * { ?s ?p ?o } LIMIT 3');
    expect(res.headers['casegraph-truncated']).toBeUndefined();
    expect(res.json<{ results: { bindings: unknown[] } }>().results.bindings).toHaveLength(3);
  });
});
