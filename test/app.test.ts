import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticApp, type SyntheticApp } from './helpers/synthetic-app.js';

let s: SyntheticApp;
beforeAll(async () => {
  s = await syntheticApp();
});
afterAll(async () => {
  await s.close();
});

const origin = 'http://notebook.example.test';

describe('a page on another origin', () => {
  it('may GET results, and read the truncation and version headers', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/sparql?query=ASK%7B%7D', headers: { origin } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const exposed = String(res.headers['access-control-expose-headers']).toLowerCase();
    expect(exposed).toContain('casegraph-truncated');
    expect(exposed).toContain('casegraph-dataset-version');
  });

  it('passes the preflight for a POST of application/sparql-query', async () => {
    const res = await s.app.inject({
      method: 'OPTIONS',
      url: '/sparql',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(String(res.headers['access-control-allow-methods'])).toContain('POST');
    expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toContain('content-type');
  });

  it('may POST a query and read the answer', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/sparql',
      headers: { origin, 'content-type': 'application/sparql-query' },
      payload: 'ASK {}',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('gets CORS headers on errors too, so the page can show the message', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/sparql?query=ASK%7B', headers: { origin } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });
});
