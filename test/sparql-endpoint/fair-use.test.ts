import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { syntheticApp, type SyntheticApp } from '../helpers/synthetic-app.js';

/** Five-way cross product over every triple: runs until its deadline on any machine. */
const runaway = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }';
const cheap = 'SELECT ?s WHERE { ?s a <http://example.test/vocab#Place> } LIMIT 3';
const savedQuery = { 'queries/demo/places.rq': '#+ summary: Places\nSELECT ?place WHERE { ?place a <http://example.test/vocab#Place> }\n' };

let s: SyntheticApp | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

interface Timed {
  readonly res: LightMyRequestResponse;
  readonly ms: number;
}

/** A SPARQL GET from one client (an address, or a key when `key` is given). */
async function ask(app: SyntheticApp, query: string, from: { ip?: string; key?: string; timeout?: number } = {}): Promise<Timed> {
  const started = performance.now();
  const res = await app.app.inject({
    url: `/sparql?query=${encodeURIComponent(query)}${from.timeout ? `&timeout=${from.timeout}` : ''}`,
    remoteAddress: from.ip ?? '127.0.0.1',
    headers: from.key ? { 'x-api-key': from.key } : {},
  });
  return { res, ms: performance.now() - started };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('while an expensive ad-hoc query runs on one of two workers', () => {
  it('a saved query and an ad-hoc query seen finishing fast are answered before it stops; a new ad-hoc query waits its turn', async () => {
    s = await syntheticApp({ workers: 2, reservedWorkers: 1, cacheMb: 0 }, savedQuery);
    expect((await ask(s, cheap, { ip: '10.0.0.3' })).res.statusCode).toBe(200);
    const order: string[] = [];
    const stopped = ask(s, runaway, { ip: '10.0.0.1', timeout: 4 }).then((t) => (order.push('runaway'), t));
    await pause(300);
    const saved = await s.app.inject({ url: '/api/queries/demo/places', remoteAddress: '10.0.0.2' });
    expect(saved.statusCode).toBe(200);
    const known = await ask(s, cheap, { ip: '10.0.0.3' });
    expect(known.res.statusCode).toBe(200);
    expect(order).toEqual([]);
    // Never seen before: it may be as costly as the runaway, so it does not take the worker kept for cheap queries.
    const unknown = await ask(s, 'ASK { ?s ?p ?o }', { ip: '10.0.0.4' }).then((t) => (order.push('unknown'), t));
    expect(unknown.res.statusCode).toBe(200);
    expect((await stopped).res.statusCode).toBe(503);
    expect(order).toEqual(['runaway', 'unknown']);
  }, 120_000);
});

describe('a client past its share', () => {
  it('gets 429 with Retry-After for a query beyond QUERIES_PER_CLIENT running and as many waiting, while another key is served', async () => {
    s = await syntheticApp({ workers: 2, reservedWorkers: 0, queriesPerClient: 1, apiKeyHeader: 'x-api-key', cacheMb: 0 });
    const running = ask(s, runaway, { key: 'a', timeout: 2 });
    await pause(200);
    const waiting = ask(s, `${runaway} LIMIT 1`, { key: 'a', timeout: 2 });
    await pause(100);
    const refused = await ask(s, cheap, { key: 'a' });
    expect(refused.res.statusCode).toBe(429);
    expect(refused.res.headers['retry-after']).toBe('1');
    expect(refused.res.body).toMatch(/^you have 1 queries running and 1 waiting, the most one client may have/);
    // Same address, another key: another client.
    const other = await ask(s, cheap, { key: 'b' });
    expect(other.res.statusCode).toBe(200);
    expect((await running).res.statusCode).toBe(503);
    expect((await waiting).res.statusCode).toBe(503);
  }, 120_000);

  it('gets 429 with Retry-After once its query time for the minute (QUERY_BUDGET_MS) is used', async () => {
    s = await syntheticApp({ workers: 1, queryBudgetMs: 1, cacheMb: 0 });
    // A two-way cross product: some milliseconds of work, finished well within any deadline.
    expect((await ask(s, 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }', { ip: '10.0.0.1' })).res.statusCode).toBe(200);
    const refused = await ask(s, cheap, { ip: '10.0.0.1' });
    expect(refused.res.statusCode).toBe(429);
    const wait = Number(refused.res.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(59);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refused.res.body).toMatch(/^you have used your 0.001 s of query time for this 60 s window: try again in \d+ s/);
    expect((await ask(s, cheap, { ip: '10.0.0.2' })).res.statusCode).toBe(200);
  }, 120_000);
});

describe('the query queue', () => {
  it('answers 503 with Retry-After past QUERY_QUEUE_SIZE, and drops a query whose deadline passes while waiting without reaching a worker', async () => {
    s = await syntheticApp({ workers: 1, queryQueueSize: 1, cacheMb: 0 });
    const store = s.store;
    // The endpoint runs and writes each query through answer() when the store has it (the local store does).
    const sent = vi.spyOn(store as Required<typeof store>, 'answer');
    const running = ask(s, runaway, { ip: '10.0.0.1', timeout: 2 });
    await pause(200);
    const expiring = ask(s, cheap, { ip: '10.0.0.2', timeout: 0.5 });
    await pause(50);
    const full = await ask(s, cheap, { ip: '10.0.0.3' });
    expect(full.res.statusCode).toBe(503);
    expect(full.res.headers['retry-after']).toBe('1');
    expect(full.res.body).toBe('the query queue is full (1 waiting): try again shortly\n');
    const expired = await expiring;
    expect(expired.res.statusCode).toBe(503);
    expect(expired.ms).toBeGreaterThanOrEqual(450);
    expect((await running).res.statusCode).toBe(503);
    expect((await running).ms).toBeGreaterThan(expired.ms);
    // Only the runaway reached the store: the expired and the refused queries never took a worker.
    expect(sent).toHaveBeenCalledTimes(1);
    sent.mockRestore();
  }, 120_000);
});
