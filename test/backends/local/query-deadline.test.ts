import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTimeoutError } from '../../../src/errors/casegraph-error.js';
import { openSyntheticStore } from '../../helpers/synthetic-store.js';
import type { SyntheticStore } from '../../helpers/synthetic-store.js';

/** 300 triples: a five-way cross product over them is 2.4e12 rows, far beyond any deadline. */
function syntheticTriples(count: number): string {
  const lines = ['@prefix ex: <http://example.test/> .'];
  for (let i = 0; i < count; i++) lines.push(`ex:s${i} ex:p${i % 7} "value ${i}" .`);
  return `${lines.join('\n')}\n`;
}

const crossProduct = 'SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }';
/** Catastrophic backtracking in JavaScript's regex engine: only terminating the thread stops it. */
const backtrackingRegex = 'ASK { BIND(CONCAT("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "!") AS ?x) FILTER(REGEX(?x, "^(a+)+$")) }';

/** Settles a promise into when and how it ended, so tests compare order rather than tight timings. */
async function outcome(promise: Promise<unknown>): Promise<{ at: number; ok: boolean; error?: unknown }> {
  try {
    await promise;
    return { at: performance.now(), ok: true };
  } catch (error) {
    return { at: performance.now(), ok: false, error };
  }
}

let fixture: SyntheticStore;
beforeAll(async () => {
  fixture = await openSyntheticStore({ 'data/big.ttl': syntheticTriples(300) }, { workers: 2, queryTimeoutMs: 60_000 });
});
afterAll(async () => {
  await fixture?.dispose();
});

describe('a runaway aggregate over a cross product', () => {
  it('is stopped at its deadline while a concurrent ASK {} answers first', async () => {
    const started = performance.now();
    const slow = outcome(fixture.store.query({ query: crossProduct, timeoutMs: 1500 }));
    const ask = await outcome(fixture.store.query({ query: 'ASK {}' }));
    const stopped = await slow;
    expect(ask.ok).toBe(true);
    expect(stopped.ok).toBe(false);
    expect(stopped.error).toBeInstanceOf(QueryTimeoutError);
    expect((stopped.error as QueryTimeoutError).status).toBe(503);
    expect(ask.at).toBeLessThan(stopped.at);
    // Stopped by the request's deadline, not the server's 60 s one.
    expect(stopped.at - started).toBeLessThan(30_000);
  });

  it('leaves the pool answering afterwards (the worker was replaced)', async () => {
    await outcome(fixture.store.query({ query: crossProduct, timeoutMs: 300 }));
    await outcome(fixture.store.query({ query: crossProduct, timeoutMs: 300 }));
    const count = await fixture.store.query({ query: 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }' });
    expect(count.kind === 'bindings' && count.rows[0]?.n?.value).toBe('300');
  });
});

describe('a regular expression that backtracks catastrophically', () => {
  it('is stopped by terminating its worker', async () => {
    const result = await outcome(fixture.store.query({ query: backtrackingRegex, timeoutMs: 1000 }));
    expect(result.error).toBeInstanceOf(QueryTimeoutError);
  });
});

describe('the deadline', () => {
  it('is never raised by a request', async () => {
    const strict = await openSyntheticStore({ 'data/big.ttl': syntheticTriples(300) }, { workers: 1, queryTimeoutMs: 800 });
    try {
      const result = await outcome(strict.store.query({ query: crossProduct, timeoutMs: 3_600_000 }));
      expect(result.error).toBeInstanceOf(QueryTimeoutError);
      expect((result.error as Error).message).toMatch(/800 ms/);
    } finally {
      await strict.dispose();
    }
  });

  it('counts time spent queued behind busy workers', async () => {
    const single = await openSyntheticStore({ 'data/big.ttl': syntheticTriples(300) }, { workers: 1, queryTimeoutMs: 60_000 });
    try {
      const runaway = outcome(single.store.query({ query: crossProduct, timeoutMs: 3000 }));
      const queued = await outcome(single.store.query({ query: 'ASK {}', timeoutMs: 500 }));
      const first = await runaway;
      // The ASK never got a worker: it timed out in the queue, before the runaway's own deadline.
      expect(queued.error).toBeInstanceOf(QueryTimeoutError);
      expect(first.error).toBeInstanceOf(QueryTimeoutError);
      expect(queued.at).toBeLessThan(first.at);
    } finally {
      await single.dispose();
    }
  });
});
