import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticApp, tripleCount, type SyntheticApp } from '../helpers/synthetic-app.js';

let s: SyntheticApp;
beforeAll(async () => {
  s = await syntheticApp();
});
afterAll(async () => {
  await s.close();
});

describe('GET /health', () => {
  it('says ready, with the triple count and the dataset version', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ready', triples: tripleCount, graphs: 2, version: s.store.version });
    expect(res.json().cache).toMatchObject({ enabled: true, maxBytes: 256 * 1024 * 1024 });
    expect(s.store.version).toMatch(/^[0-9a-f]{16}$/);
  });
});
