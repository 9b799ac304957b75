import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticApp, type SyntheticApp } from '../helpers/synthetic-app.js';

/** Five-way cross product over every triple: runs until its deadline on any machine. */
const runaway = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }';
const cheap = 'SELECT ?s WHERE { ?s a <http://example.test/vocab#Place> } LIMIT 3';

/** The value of one sample line of the Prometheus text format, e.g. `name{label="x"} 3`; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => have[key] === value)) return Number(match[3]);
  }
  return undefined;
}

let s: SyntheticApp;
let other: SyntheticApp;
beforeAll(async () => {
  // Two apps in one process: each has its own registry, so neither registers a metric twice nor sees the other's counts.
  s = await syntheticApp({ workers: 1, reservedWorkers: 0 });
  other = await syntheticApp({ workers: 1 });
}, 120_000);
afterAll(async () => {
  await s?.close();
  await other?.close();
});

const sparql = (query: string, extra = '') => s.app.inject({ url: `/sparql?query=${encodeURIComponent(query)}${extra}` });

describe('GET /metrics', () => {
  it('answers the Prometheus text format, never cached', async () => {
    const res = await s.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('# TYPE casegraph_http_requests_total counter');
  });

  it('counts requests by route pattern and status, unmatched URLs under one label', async () => {
    await s.app.inject({ url: '/health' });
    await s.app.inject({ url: '/health' });
    await s.app.inject({ url: '/no/such/path/1' });
    await s.app.inject({ url: '/no/such/path/2' });
    const text = (await s.app.inject({ url: '/metrics' })).body;
    expect(sample(text, 'casegraph_http_requests_total', { method: 'GET', route: '/health', status: '200' })).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'casegraph_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBe(2);
    expect(text).not.toContain('/no/such/path');
  });

  it('times queries, counts the one stopped at its deadline and the worker that replaced its own', async () => {
    expect((await sparql(cheap)).statusCode).toBe(200);
    expect((await sparql(runaway, '&timeout=0.2')).statusCode).toBe(503);
    const text = (await s.app.inject({ url: '/metrics' })).body;
    expect(sample(text, 'casegraph_query_duration_seconds_count', { outcome: 'answered' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'casegraph_query_duration_seconds_count', { outcome: 'timeout' })).toBe(1);
    expect(sample(text, 'casegraph_query_timeouts_total', { where: 'worker' })).toBe(1);
    expect(sample(text, 'casegraph_query_worker_restarts_total')).toBe(1);
    expect(sample(text, 'casegraph_query_queue_length')).toBe(0);
    expect(sample(text, 'casegraph_queries_running')).toBe(0);
  }, 60_000);

  it('counts response cache hits', async () => {
    const before = sample((await s.app.inject({ url: '/metrics' })).body, 'casegraph_response_cache_hits_total') ?? 0;
    const query = 'ASK { ?s ?p ?o }';
    expect((await sparql(query)).statusCode).toBe(200);
    expect((await sparql(query)).statusCode).toBe(200);
    const after = sample((await s.app.inject({ url: '/metrics' })).body, 'casegraph_response_cache_hits_total');
    expect(after).toBe(before + 1);
  });

  it('belongs to its app: another app in the same process counts only its own requests', async () => {
    const text = (await other.app.inject({ url: '/metrics' })).body;
    expect(sample(text, 'casegraph_http_requests_total', { method: 'GET', route: '/health', status: '200' })).toBeUndefined();
    expect(sample(text, 'casegraph_query_worker_restarts_total')).toBe(0);
  });
});
