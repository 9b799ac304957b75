import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peopleCount, peopleGraph, placesGraph, syntheticApp, vocab, type SyntheticApp } from '../helpers/synthetic-app.js';

let s: SyntheticApp;
beforeAll(async () => {
  s = await syntheticApp();
});
afterAll(async () => {
  await s.close();
});

const countPeople = `SELECT (COUNT(?p) AS ?n) WHERE { ?p a <${vocab}Person> }`;
const json = 'application/sparql-results+json';

function count(body: string): number {
  const parsed = JSON.parse(body) as { results: { bindings: Array<{ n: { value: string } }> } };
  return Number(parsed.results.bindings[0]?.n.value);
}

describe('a query sent by GET', () => {
  it('answers with the results', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/sparql', query: { query: countPeople }, headers: { accept: json } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(json);
    expect(count(res.body)).toBe(peopleCount);
  });

  it('also answers at /sparql/ and by HEAD without a body', async () => {
    const slash = await s.app.inject({ method: 'GET', url: '/sparql/', query: { query: 'ASK {}' } });
    expect(slash.statusCode).toBe(200);
    const head = await s.app.inject({ method: 'HEAD', url: '/sparql', query: { query: 'ASK {}' } });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });
});

describe('a query sent by POST', () => {
  it('is read from an URL-encoded form', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/sparql',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: json },
      payload: new URLSearchParams({ query: countPeople }).toString(),
    });
    expect(res.statusCode).toBe(200);
    expect(count(res.body)).toBe(peopleCount);
  });

  it('is read directly from an application/sparql-query body, charset UTF-8 allowed', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/sparql',
      headers: { 'content-type': 'application/sparql-query; charset=UTF-8', accept: json },
      payload: countPeople,
    });
    expect(res.statusCode).toBe(200);
    expect(count(res.body)).toBe(peopleCount);
  });
});

describe('the protocol dataset', () => {
  const anyLabelOrName = `SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }`;

  it('is the union of all graphs when none is named', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/sparql', query: { query: anyLabelOrName } });
    expect(count(res.body)).toBe(s.store.size);
  });

  it('narrows the default graph to default-graph-uri', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: `/sparql?query=${encodeURIComponent(anyLabelOrName)}&default-graph-uri=${encodeURIComponent(placesGraph)}`,
    });
    expect(res.statusCode).toBe(200);
    expect(count(res.body)).toBe(s.store.graphs.find((g) => g.iri === placesGraph)?.size);
  });

  it('limits GRAPH to named-graph-uri', async () => {
    const query = 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }';
    const res = await s.app.inject({
      method: 'POST',
      url: `/sparql?named-graph-uri=${encodeURIComponent(peopleGraph)}`,
      headers: { 'content-type': 'application/sparql-query' },
      payload: query,
    });
    const graphs = (JSON.parse(res.body) as { results: { bindings: Array<{ g: { value: string } }> } }).results.bindings.map((b) => b.g.value);
    expect(graphs).toEqual([peopleGraph]);
  });

  it('still tells by GRAPH ?g which file a triple came from when nothing is named', async () => {
    const query = `SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s <${vocab}label> ?o } }`;
    const res = await s.app.inject({ method: 'GET', url: '/sparql', query: { query } });
    const graphs = (JSON.parse(res.body) as { results: { bindings: Array<{ g: { value: string } }> } }).results.bindings.map((b) => b.g.value);
    expect(graphs).toEqual([placesGraph]);
  });

  it('refuses a default-graph-uri that is not an absolute IRI with 400', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/sparql?query=ASK%7B%7D&default-graph-uri=not%20an%20iri' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/default-graph-uri must be an absolute IRI/);
  });
});
