import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { realApp, type LinkedDataApp } from '../helpers/linked-data-app.js';
import { syntheticApp, type SyntheticApp } from '../helpers/synthetic-app.js';

let cached: LinkedDataApp;
let uncached: LinkedDataApp;
beforeAll(async () => {
  [cached, uncached] = await Promise.all([realApp(), realApp({ cacheMb: 0 })]);
}, 120_000);
afterAll(async () => {
  await Promise.all([cached?.close(), uncached?.close()]);
});

/** Headers of the exchange, not of the answer: they may differ between two requests for the same answer. */
const perExchange = new Set(['date', 'connection', 'x-cache']);
const representation = (res: LightMyRequestResponse) => Object.fromEntries(Object.entries(res.headers).filter(([name]) => !perExchange.has(name)));
const get = (s: LinkedDataApp, url: string, headers: Record<string, string> = {}) => s.app.inject({ url, headers });
const stats = () => cached.app.responseCache.stats();

const person = '/id/person/gulmire-imin';
const select = `/sparql?query=${encodeURIComponent('SELECT ?p ?o WHERE { <id/person/gulmire-imin> ?p ?o } ORDER BY ?p ?o')}`;
const routes: ReadonlyArray<readonly [string, string, string]> = [
  ['an entity page', person, 'text/html'],
  ['a person as JSON-LD', person, 'application/ld+json'],
  ['a person in Turtle', person, 'text/turtle'],
  ['a person document of the API', '/api/persons/gulmire-imin', '*/*'],
  ['a saved query in JSON', '/api/queries/persons/search-by-name?name=i', 'application/json'],
  ['a saved query in CSV', '/api/queries/persons/search-by-name?name=i', 'text/csv'],
  ['a saved query at its CSV suffix', '/api/queries/persons/by-charge.csv', '*/*'],
  ['a SPARQL SELECT by GET', select, 'application/sparql-results+json'],
  ['a dump', '/dumps/casegraph.ttl', '*/*'],
  ['the dump index', '/dumps/', 'application/json'],
  ['the VoID description', '/.well-known/void', 'text/turtle'],
  ['a person’s claims', '/api/persons/gulmire-imin/claims', '*/*'],
];

describe('a cached answer', () => {
  for (const [what, url, accept] of routes) {
    it(`is byte for byte the uncached one, headers included, and the repeat is a hit: ${what}`, async () => {
      const reference = await get(uncached, url, { accept });
      expect(reference.statusCode).toBe(200);
      expect(reference.headers['x-cache']).toBeUndefined();
      const first = await get(cached, url, { accept });
      const second = await get(cached, url, { accept });
      expect(second.headers['x-cache']).toBe('hit');
      for (const res of [first, second]) {
        expect(res.statusCode).toBe(200);
        expect(res.rawPayload.equals(reference.rawPayload)).toBe(true);
        expect(representation(res)).toEqual(representation(reference));
      }
    });
  }

  it('is counted in /health', async () => {
    const before = stats();
    await get(cached, '/context.jsonld');
    await get(cached, '/context.jsonld');
    const health = (await get(cached, '/health')).json();
    expect(health.cache).toMatchObject({ enabled: true, hits: before.hits + 1, maxBytes: 256 * 1024 * 1024 });
    expect(health.cache.entries).toBeGreaterThan(0);
    expect(health.cache.bytes).toBeGreaterThan(0);
  });
});

describe('the cache key', () => {
  it('keeps representations of one IRI apart: a different Accept is a different entry', async () => {
    const html = await get(cached, '/id/event/gulmire-imin-arrest', { accept: 'text/html' });
    const turtle = await get(cached, '/id/event/gulmire-imin-arrest', { accept: 'text/turtle' });
    expect(turtle.headers['x-cache']).toBe('miss');
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(turtle.headers['content-type']).toMatch(/^text\/turtle/);
    const htmlAgain = await get(cached, '/id/event/gulmire-imin-arrest', { accept: 'text/html' });
    expect(htmlAgain.headers['x-cache']).toBe('hit');
    expect(htmlAgain.body).toBe(html.body);
  });

  it('does not depend on the order of the query parameters, and the answer is the same bytes', async () => {
    const url = '/api/queries/persons/search-by-name';
    const reference = await get(uncached, `${url}?page=1&name=a`);
    const first = await get(cached, `${url}?name=a&page=1`);
    const second = await get(cached, `${url}?page=1&name=a`);
    expect(first.headers['x-cache']).toBe('miss');
    expect(second.headers['x-cache']).toBe('hit');
    for (const res of [first, second]) {
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(reference.body);
      expect(res.headers.link).toBe(reference.headers.link);
    }
  });
});

describe('what is not cached', () => {
  it('a 404 is computed again each time', async () => {
    const before = stats().entries;
    for (let i = 0; i < 2; i += 1) {
      const res = await get(cached, '/api/persons/nobody-at-all');
      expect(res.statusCode).toBe(404);
      expect(res.headers['x-cache']).toBe('miss');
    }
    expect(stats().entries).toBe(before);
  });

  it('a 400 is computed again each time', async () => {
    for (let i = 0; i < 2; i += 1) {
      const res = await get(cached, '/api/queries/persons/search-by-name?page=zero');
      expect(res.statusCode).toBe(400);
      expect(res.headers['x-cache']).toBe('miss');
    }
  });

  it('/health, which reports live counters and says no-store', async () => {
    const first = await get(cached, '/health');
    const second = await get(cached, '/health');
    expect(second.headers['x-cache']).toBeUndefined();
    expect(second.headers['cache-control']).toBe('no-store');
    expect(second.json().cache.hits).toBe(first.json().cache.hits);
  });

  it('a POST to /sparql', async () => {
    const post = () =>
      cached.app.inject({
        method: 'POST',
        url: '/sparql',
        headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' },
        payload: 'ASK {}',
      });
    await post();
    const again = await post();
    expect(again.statusCode).toBe(200);
    expect(again.headers['x-cache']).toBeUndefined();
  });
});

describe('a hit', () => {
  const url = '/api/persons/gulmire-imin';
  beforeAll(async () => {
    await get(cached, url);
  });

  it('answers HEAD with the headers and no body', async () => {
    const full = await get(cached, url);
    const head = await cached.app.inject({ method: 'HEAD', url });
    expect(head.headers['x-cache']).toBe('hit');
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(representation(head)).toEqual(representation(full));
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const { etag } = (await get(cached, url)).headers;
    expect(etag).toMatch(new RegExp(`^"${cached.store.version}-`));
    const res = await get(cached, url, { 'if-none-match': etag as string });
    expect(res.headers['x-cache']).toBe('hit');
    expect(res.statusCode).toBe(304);
    expect(res.body).toBe('');
    expect(res.headers.etag).toBe(etag);
  });

  it('carries the CORS headers of its own request', async () => {
    const res = await get(cached, url, { origin: 'http://notebook.example.test' });
    expect(res.headers['x-cache']).toBe('hit');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(String(res.headers['access-control-expose-headers'])).toContain('etag');
    const plain = await get(cached, url);
    expect(plain.headers['x-cache']).toBe('hit');
    expect(plain.headers['access-control-allow-origin']).toBe('*');
  });

  it('is served even when the client says Cache-Control: no-cache (the answer cannot differ)', async () => {
    const res = await get(cached, url, { 'cache-control': 'no-cache' });
    expect(res.headers['x-cache']).toBe('hit');
  });
});

describe('two apps', () => {
  let a: SyntheticApp;
  let b: SyntheticApp;
  beforeAll(async () => {
    [a, b] = await Promise.all([syntheticApp(), syntheticApp()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('never share an entry, even over the same data', async () => {
    const url = '/id/person/p1';
    await a.app.inject({ url, headers: { accept: 'text/turtle' } });
    expect((await a.app.inject({ url, headers: { accept: 'text/turtle' } })).headers['x-cache']).toBe('hit');
    expect((await b.app.inject({ url, headers: { accept: 'text/turtle' } })).headers['x-cache']).toBe('miss');
  });
});
