import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticApp, type SyntheticApp } from '../helpers/synthetic-app.js';

let s: SyntheticApp;
beforeAll(async () => {
  s = await syntheticApp();
});
afterAll(async () => {
  await s.close();
});

function oneLine(body: string): void {
  expect(body.trimEnd()).not.toContain('\n');
  expect(body.trim().length).toBeGreaterThan(0);
}

describe('a query with a syntax error', () => {
  it('answers 400 naming line and column', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/sparql', query: { query: 'SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o = ) }' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/^line 3, column \d+: syntax error/);
    oneLine(res.body);
  });
});

describe('a method other than GET or POST', () => {
  it('answers 405 with an Allow header', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH'] as const) {
      const res = await s.app.inject({ method, url: '/sparql?query=ASK%7B%7D' });
      expect(res.statusCode).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
      oneLine(res.body);
    }
  });
});

describe('a POST body in another form', () => {
  it('answers 415 for an unsupported media type', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'text/plain' }, payload: 'ASK {}' });
    expect(res.statusCode).toBe(415);
    expect(res.body).toMatch(/unsupported Content-Type text\/plain/);
  });

  it('answers 415 for JSON, which the protocol does not define', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/json' }, payload: '{"query":"ASK {}"}' });
    expect(res.statusCode).toBe(415);
  });

  it('answers 415 when there is no Content-Type at all', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/sparql', payload: 'query=ASK%20%7B%7D' });
    expect(res.statusCode).toBe(415);
  });

  it('answers 415 for a charset other than UTF-8', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/sparql',
      headers: { 'content-type': 'application/sparql-query; charset=UTF-16' },
      payload: Buffer.from('\uFEFFASK {}', 'utf16le'),
    });
    expect(res.statusCode).toBe(415);
    expect(res.body).toMatch(/charset utf-16/);
  });
});

describe('a body over the 1 MiB limit', () => {
  it('answers 413', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/sparql',
      headers: { 'content-type': 'application/sparql-query' },
      payload: `ASK {} #${'x'.repeat(1024 * 1024)}`,
    });
    expect(res.statusCode).toBe(413);
    oneLine(res.body);
  });
});

describe('two query parameters', () => {
  it('answers 400', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/sparql?query=ASK%7B%7D&query=SELECT%20*%7B%7D' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/query= was given 2 times/);
  });

  it('answers 400 when a direct POST also carries query= in the URL', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/sparql?query=ASK%7B%7D',
      headers: { 'content-type': 'application/sparql-query' },
      payload: 'ASK {}',
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('a SPARQL update', () => {
  it('answers 403 by update= (the endpoint is read-only)', async () => {
    const get = await s.app.inject({ method: 'GET', url: '/sparql?update=CLEAR%20ALL' });
    expect(get.statusCode).toBe(403);
    expect(get.body).toMatch(/read-only/);
    const form = await s.app.inject({
      method: 'POST',
      url: '/sparql',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'update=INSERT%20DATA%20%7B%3Chttp%3A%2F%2Fexample.test%2Fa%3E%20%3Chttp%3A%2F%2Fexample.test%2Fb%3E%201%7D',
    });
    expect(form.statusCode).toBe(403);
  });

  it('answers 403 as an application/sparql-update body', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-update' }, payload: 'CLEAR ALL' });
    expect(res.statusCode).toBe(403);
  });

  it('answers 400 when sent as a query, and the data stays unchanged', async () => {
    const before = s.store.size;
    const res = await s.app.inject({ method: 'GET', url: '/sparql', query: { query: 'DELETE WHERE { ?s ?p ?o }' } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/read-only/);
    const after = await s.app.inject({ method: 'GET', url: '/sparql', query: { query: 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }' } });
    expect(JSON.parse(after.body).results.bindings[0].n.value).toBe(String(before));
  });
});

describe('SERVICE and LOAD', () => {
  it('answer 400 before anything is fetched', async () => {
    const service = await s.app.inject({ method: 'GET', url: '/sparql', query: { query: 'SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }' } });
    expect(service.statusCode).toBe(400);
    expect(service.body).toMatch(/SERVICE/);
    const load = await s.app.inject({ method: 'GET', url: '/sparql', query: { query: 'LOAD <http://127.0.0.1:9/data.ttl>' } });
    expect(load.statusCode).toBe(400);
  });
});

describe('a request with no query', () => {
  it('answers 400 for a POST form without query', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/sparql',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'default-graph-uri=http%3A%2F%2Fexample.test%2Fg',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/no query/);
  });

  it('answers 400 for an empty query', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/sparql?query=' });
    expect(res.statusCode).toBe(400);
  });
});

describe('a bad timeout parameter', () => {
  it('answers 400 saying timeout is in seconds', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/sparql?query=ASK%7B%7D&timeout=soon' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/seconds/);
  });
});

describe('an unknown path', () => {
  it('answers 404 in one line', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/nothing-here' });
    expect(res.statusCode).toBe(404);
    oneLine(res.body);
  });
});

describe('a path with broken percent-encoding', () => {
  it.each(['/id/person/%E0%A4%A', '/api/persons/%ZZ/claims'])('%s answers 400 in one plain-text line, like every other error', async (url) => {
    const res = await s.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    oneLine(res.body);
    expect(res.body).not.toMatch(/FST_ERR|"code"/);
  });
});

describe('a query calling a function the engine does not have', () => {
  it.each([
    ['an extension function by IRI', 'ASK { FILTER(<http://example.org/f>(1)) }', 'http://example.org/f'],
    ['an unknown prefixed function', 'PREFIX ex: <http://example.org/> ASK { FILTER(ex:nope(1)) }', 'http://example.org/nope'],
    ['a misspelt cast', 'PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT (xsd:intger("1") AS ?x) {}', 'http://www.w3.org/2001/XMLSchema#intger'],
  ])('answers 400 naming it: %s', async (_what, query, iri) => {
    const res = await s.app.inject({ method: 'GET', url: '/sparql', query: { query } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`unknown function <${iri}>`);
    oneLine(res.body);
  });
});

describe('a query building a string longer than the engine can hold', () => {
  it('answers 413 saying so, and the endpoint answers the next query', async () => {
    const doublings = Array.from({ length: 30 }, (_, i) => `BIND(CONCAT(?s${i}, ?s${i}) AS ?s${i + 1})`).join(' ');
    const query = `SELECT (STRLEN(?s30) AS ?n) { BIND("ab" AS ?s0) ${doublings} }`;
    const res = await s.app.inject({ method: 'GET', url: '/sparql', query: { query } });
    expect(res.statusCode).toBe(413);
    expect(res.body).toMatch(/builds a string longer than the engine can hold/);
    oneLine(res.body);
    const next = await s.app.inject({ method: 'GET', url: '/sparql', query: { query: 'ASK {}' } });
    expect(next.statusCode).toBe(200);
  });
});
