import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { QueryAnalyzer } from '../../src/engine/query-analyzer.js';
import { syntheticApp, type SyntheticApp } from '../helpers/synthetic-app.js';

// A real socket on loopback: the deadline and the concurrent ASK are about a server under load, not inject().
const serverDeadlineMs = 1500;
let s: SyntheticApp;
let base: string;
beforeAll(async () => {
  s = await syntheticApp({ queryTimeoutMs: serverDeadlineMs, workers: 2 });
  base = await s.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await s.close();
});

/** Four-way cross product over every triple: far more work than any deadline here allows. */
const runaway = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }';

async function timed(url: string, init?: RequestInit): Promise<{ status: number; body: string; ms: number }> {
  const start = performance.now();
  const res = await fetch(url, init);
  const body = await res.text();
  return { status: res.status, body, ms: performance.now() - start };
}

describe('a runaway query', () => {
  it('is stopped at the server deadline with 503, while ASK {}, seen finishing fast before, keeps answering at once', async () => {
    // Only queries known to be cheap may use the worker kept for them (README, "Fair use and load").
    expect((await timed(`${base}/sparql?query=${encodeURIComponent('ASK {}')}`)).status).toBe(200);
    const runawayAnswer = timed(`${base}/sparql?query=${encodeURIComponent(runaway)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const ask = await timed(`${base}/sparql?query=${encodeURIComponent('ASK {}')}`);
    expect(ask.status).toBe(200);
    expect(JSON.parse(ask.body).boolean).toBe(true);
    expect(ask.ms).toBeLessThan(1000);
    const stopped = await runawayAnswer;
    expect(stopped.status).toBe(503);
    expect(stopped.body).toMatch(/time limit/);
    expect(stopped.ms).toBeGreaterThanOrEqual(serverDeadlineMs - 50);
    const health = await timed(`${base}/health`);
    expect(health.status).toBe(200);
  });

  it('cannot raise the deadline with timeout=', async () => {
    const res = await timed(`${base}/sparql?timeout=3600&query=${encodeURIComponent(runaway)}`);
    expect(res.status).toBe(503);
    expect(res.ms).toBeLessThan(serverDeadlineMs * 4);
  });

  it('can lower the deadline with timeout= in seconds', async () => {
    const res = await timed(`${base}/sparql?timeout=0.2&query=${encodeURIComponent(runaway)}`);
    expect(res.status).toBe(503);
    expect(res.ms).toBeLessThan(serverDeadlineMs);
  });
});

describe('a query', () => {
  // Its own app with the default deadline: this file's 1.5 s one, right after tests that kill workers, is too
  // tight for a loaded machine, and this test is about where queries are parsed, not about deadlines.
  let own: SyntheticApp;
  beforeAll(async () => {
    own = await syntheticApp({ workers: 1 });
  });
  afterAll(async () => own?.close());

  it('is never parsed on the thread that serves requests: its worker parses it, under its deadline', async () => {
    const parse = vi.spyOn(QueryAnalyzer.prototype, 'analyze');
    try {
      const huge = `SELECT * WHERE { ${Array.from({ length: 200 }, (_, i) => `{ ?s <http://example.test/p${i}> ?o }`).join(' UNION ')} }`;
      const answers = await Promise.all([
        own.app.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-query' }, payload: huge }),
        own.app.inject({ url: `/sparql?query=${encodeURIComponent('SELECT * WHERE { ?s ?p ?o } LIMIT 1')}` }),
        own.app.inject({ url: `/sparql?query=${encodeURIComponent('SELECT * WHERE { ?s ?p')}` }),
      ]);
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 400]);
      expect(answers[2]?.body).toMatch(/^line 1, column \d+: syntax error/);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('whose answer no acceptable format can carry is still refused with 406, after evaluation', async () => {
    const res = await own.app.inject({ url: `/sparql?query=${encodeURIComponent('ASK {}')}`, headers: { accept: 'text/turtle' } });
    expect(res.statusCode).toBe(406);
    expect(res.body).toMatch(/application\/sparql-results\+json/);
    const none = await own.app.inject({ url: `/sparql?query=${encodeURIComponent('ASK {}')}`, headers: { accept: 'image/png' } });
    expect(none.statusCode).toBe(406);
  });
});
