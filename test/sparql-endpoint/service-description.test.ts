import { Parser } from 'n3';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultFormats } from '../../src/formats/result-formats.js';
import { peopleGraph, placesGraph, syntheticApp, syntheticBase, type SyntheticApp } from '../helpers/synthetic-app.js';

let s: SyntheticApp;
beforeAll(async () => {
  s = await syntheticApp();
});
afterAll(async () => {
  await s.close();
});

const sd = 'http://www.w3.org/ns/sparql-service-description#';
const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const endpoint = `${syntheticBase}sparql`;

describe('GET /sparql without a query', () => {
  it('describes the service in Turtle by default', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/sparql' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/turtle');
    expect(res.headers.vary).toContain('Accept');
    const quads = new Parser().parse(res.body);
    const objects = (p: string): string[] => quads.filter((q) => q.subject.value === endpoint && q.predicate.value === p).map((q) => q.object.value);
    expect(objects(rdfType)).toEqual([`${sd}Service`]);
    expect(objects(`${sd}endpoint`)).toEqual([endpoint]);
    expect(objects(`${sd}supportedLanguage`)).toEqual([`${sd}SPARQL11Query`]);
    expect(objects(`${sd}feature`)).toContain(`${sd}UnionDefaultGraph`);
    // Every format the server can write, and nothing else.
    expect(objects(`${sd}resultFormat`).sort()).toEqual([...new Set(resultFormats.map((f) => f.formatIri))].sort());
    // No update language: the endpoint is read-only.
    expect(objects(`${sd}supportedLanguage`)).not.toContain(`${sd}SPARQL11Update`);
    const names = quads
      .filter((q) => q.predicate.value === `${sd}name`)
      .map((q) => q.object.value)
      .sort();
    expect(names).toEqual([peopleGraph, placesGraph]);
  });

  it('describes the service in JSON-LD when asked', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/sparql', headers: { accept: 'application/ld+json' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/ld+json');
    const nquads = (await jsonld.toRDF(JSON.parse(res.body), { format: 'application/n-quads' })) as unknown as string;
    expect(nquads).toContain(`<${endpoint}> <${sd}endpoint> <${endpoint}>`);
  });

  it('answers 406 when no RDF form (nor HTML) is acceptable', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/sparql', headers: { accept: 'image/png' } });
    expect(res.statusCode).toBe(406);
  });
});
