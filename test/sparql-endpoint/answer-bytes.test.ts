import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findResultFormat } from '../../src/formats/result-formats.js';
import { syntheticApp, vocab, type SyntheticApp } from '../helpers/synthetic-app.js';

const maxAnswerBytes = 4096;
let s: SyntheticApp;
beforeAll(async () => {
  // Two saved queries over the synthetic people: every pair of names (900 rows, past the cap) and the first two.
  const saved = (name: string, limit: string) => ({
    [`queries/${name}.rq`]: `#+ summary: Pairs of synthetic names\nPREFIX ex: <${vocab}>\nSELECT ?a ?b WHERE { ?p ex:name ?a . ?q ex:name ?b } ORDER BY ?a ?b ${limit}\n`,
  });
  s = await syntheticApp({ maxAnswerBytes, cacheMb: 0 }, { ...saved('all-pairs', ''), ...saved('two-pairs', 'LIMIT 2') });
}, 120_000);
afterAll(async () => s?.close());

const get = (query: string, format = 'json') => s.app.inject({ url: `/sparql?format=${format}&query=${encodeURIComponent(query)}` });

describe('an answer larger than MAX_ANSWER_BYTES', () => {
  it('answers 413 with a one-line reason, in every format', async () => {
    for (const format of ['json', 'xml', 'csv', 'tsv']) {
      const res = await get('SELECT * WHERE { ?s ?p ?o }', format);
      expect(res.statusCode).toBe(413);
      expect(res.body).toBe(`the answer is larger than ${maxAnswerBytes} bytes (MAX_ANSWER_BYTES): ask for fewer rows or shorter values\n`);
    }
    for (const format of ['turtle', 'ntriples', 'jsonld', 'rdfxml']) {
      expect((await get('CONSTRUCT WHERE { ?s ?p ?o }', format)).statusCode).toBe(413);
    }
  });

  it('is refused before it is written when its literals alone pass the cap (a string doubled 13 times)', async () => {
    const doublings = Array.from({ length: 13 }, (_, i) => `BIND(CONCAT(?s${i}, ?s${i}) AS ?s${i + 1})`).join(' ');
    const res = await get(`SELECT ?s13 WHERE { BIND("x" AS ?s0) ${doublings} }`);
    expect(res.statusCode).toBe(413);
    // Eleven doublings (2048 characters) fit.
    const fits = Array.from({ length: 11 }, (_, i) => `BIND(CONCAT(?s${i}, ?s${i}) AS ?s${i + 1})`).join(' ');
    const ok = await get(`SELECT ?s11 WHERE { BIND("x" AS ?s0) ${fits} }`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().results.bindings[0].s11.value).toHaveLength(2048);
  });
});

describe('an answer larger than MAX_ANSWER_BYTES from a store that does not write answers itself (as STORE=sparql)', () => {
  let bare: SyntheticApp;
  beforeAll(async () => {
    bare = await syntheticApp({ maxAnswerBytes, cacheMb: 0 }, {}, (store) => ({ ...store, answer: undefined }));
  }, 120_000);
  afterAll(async () => bare?.close());
  const bareGet = (query: string, format: string) => bare.app.inject({ url: `/sparql?format=${format}&query=${encodeURIComponent(query)}` });

  it('answers 413 with the same one-line reason, in every format', async () => {
    for (const format of ['json', 'xml', 'csv', 'tsv']) {
      const res = await bareGet('SELECT * WHERE { ?s ?p ?o }', format);
      expect(res.statusCode, format).toBe(413);
      expect(res.body).toBe(`the answer is larger than ${maxAnswerBytes} bytes (MAX_ANSWER_BYTES): ask for fewer rows or shorter values\n`);
    }
    for (const format of ['turtle', 'ntriples', 'jsonld', 'rdfxml']) {
      expect((await bareGet('CONSTRUCT WHERE { ?s ?p ?o }', format)).statusCode, format).toBe(413);
    }
  });

  it('still answers what fits', async () => {
    const res = await bareGet('SELECT ?n WHERE { ?p <http://example.test/vocab#number> ?n } ORDER BY ?n LIMIT 3', 'json');
    expect(res.statusCode).toBe(200);
    expect(res.json().results.bindings.map((b: { n: { value: string } }) => b.n.value)).toEqual(['1', '2', '3']);
  });
});

describe('a saved query whose answer is larger than MAX_ANSWER_BYTES', () => {
  it('answers 413 with a one-line reason, as JSON, CSV and SPARQL JSON', async () => {
    for (const suffix of ['', '.json', '.csv', '.srj']) {
      const res = await s.app.inject({ url: `/api/queries/all-pairs${suffix}` });
      expect(res.statusCode, suffix).toBe(413);
      expect(res.body).toContain(`the answer is larger than ${maxAnswerBytes} bytes (MAX_ANSWER_BYTES)`);
    }
  });

  it('leaves a small answer of the same query shape alone', async () => {
    const res = await s.app.inject({ url: '/api/queries/two-pairs' });
    expect(res.statusCode).toBe(200);
    expect(res.json().rows).toEqual([
      { a: 'Person 1', b: 'Person 1' },
      { a: 'Person 1', b: 'Person 10' },
    ]);
  });
});

describe('an answer within MAX_ANSWER_BYTES', () => {
  it('is written in the query worker, never on the thread that serves requests', async () => {
    const json = findResultFormat('json')!;
    const turtle = findResultFormat('turtle')!;
    const onThisThread = [vi.spyOn(json, 'serialize'), vi.spyOn(turtle, 'serialize')];
    try {
      const select = await get('SELECT ?n WHERE { ?p <http://example.test/vocab#number> ?n } ORDER BY ?n LIMIT 3');
      expect(select.statusCode).toBe(200);
      expect(select.headers['content-type']).toBe('application/sparql-results+json; charset=utf-8');
      expect(select.json().results.bindings.map((b: { n: { value: string } }) => b.n.value)).toEqual(['1', '2', '3']);
      const graph = await get('CONSTRUCT WHERE { <http://example.test/id/place/l1> ?p ?o }', 'turtle');
      expect(graph.statusCode).toBe(200);
      expect(graph.headers['content-type']).toBe('text/turtle; charset=utf-8');
      expect(graph.body).toContain('"Place 1"@en');
      for (const spy of onThisThread) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of onThisThread) spy.mockRestore();
    }
  });
});
