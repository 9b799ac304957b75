import { DataFactory } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildQuadIndex } from '../../../src/backends/local/build-quad-index.js';
import { QueryPool } from '../../../src/backends/local/query-pool.js';
import { QueryTimeoutError } from '../../../src/errors/casegraph-error.js';
import { decodeResult } from '../../../src/engine/decode-result.js';

const { namedNode, literal, quad } = DataFactory;
const ex = (local: string) => namedNode(`http://example.test/synthetic/${local}`);
const quads = Array.from({ length: 200 }, (_, i) => quad(ex(`s${i}`), ex(`p${i % 5}`), literal(`v${i}`), ex('g')));
const crossProduct = 'SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }';

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
}

let pool: QueryPool;
beforeAll(async () => {
  pool = await QueryPool.start({ size: 1, index: buildQuadIndex(quads), baseIri: 'http://example.test/synthetic/' });
}, 60_000);
afterAll(async () => {
  await pool?.close();
});

describe('a pool with one working slot', () => {
  it('keeps a started spare beside it, and records every start', async () => {
    await until(() => pool.hasSpare);
    expect(pool.size).toBe(1);
    expect(pool.startupTimes).toHaveLength(2);
  }, 60_000);

  it('answers the next query after a deadline kill, from the spare, and starts a new spare', async () => {
    await until(() => pool.hasSpare);
    await expect(pool.run({ query: crossProduct, maxResults: 1 }, 300)).rejects.toBeInstanceOf(QueryTimeoutError);
    // The spare took the slot at once: nothing is starting yet that the next query would wait for.
    expect(pool.hasSpare).toBe(false);
    const next = decodeResult(await pool.run({ query: 'SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }', maxResults: 1 }, 30_000));
    expect(next.kind === 'bindings' && next.rows[0]?.n?.value).toBe('200');
    await until(() => pool.hasSpare);
    expect(pool.size).toBe(1);
  }, 60_000);

  it('survives two kills in a row, before the new spare is ready', async () => {
    await expect(pool.run({ query: crossProduct, maxResults: 1 }, 300)).rejects.toBeInstanceOf(QueryTimeoutError);
    await expect(pool.run({ query: crossProduct, maxResults: 1 }, 300)).rejects.toBeInstanceOf(QueryTimeoutError);
    const next = await pool.run({ query: 'ASK { ?s ?p ?o }', maxResults: 1 }, 30_000);
    expect(next).toEqual({ kind: 'boolean', value: true });
  }, 60_000);
});

describe('a closed pool', () => {
  it('refuses queries, its spare included', async () => {
    const closing = await QueryPool.start({ size: 1, index: buildQuadIndex(quads), baseIri: 'http://example.test/synthetic/' });
    await closing.close();
    expect(closing.hasSpare).toBe(false);
    // A 503 saying so, not a 500: shutting down is not a fault.
    await expect(closing.run({ query: 'ASK {}', maxResults: 1 }, 1000)).rejects.toMatchObject({ status: 503, message: expect.stringMatching(/shutting down/) });
  }, 60_000);
});

describe('a pool started while its index is still loading', () => {
  it('takes the index when it arrives and answers over it', async () => {
    let arrive: (value: ReturnType<typeof buildQuadIndex>) => void = () => undefined;
    const index = new Promise<ReturnType<typeof buildQuadIndex>>((resolve) => (arrive = resolve));
    const starting = QueryPool.start({ size: 1, index, baseIri: 'http://example.test/synthetic/' });
    let started = false;
    void starting.then(() => (started = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(started).toBe(false);
    arrive(buildQuadIndex(quads));
    const loading = await starting;
    try {
      const answer = decodeResult(await loading.run({ query: 'SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }', maxResults: 1 }, 30_000));
      expect(answer.kind === 'bindings' && answer.rows[0]?.n?.value).toBe('200');
    } finally {
      await loading.close();
    }
  }, 60_000);

  it('fails to start with the loading error itself', async () => {
    const bad = new Error('data/cases/x.ttl line 3: unexpected "."');
    await expect(QueryPool.start({ size: 2, index: Promise.reject(bad), baseIri: 'http://example.test/synthetic/' })).rejects.toBe(bad);
  }, 60_000);
});
