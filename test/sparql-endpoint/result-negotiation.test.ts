import { Parser } from 'n3';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRdfXml } from '../helpers/parse-rdf-xml.js';
import { syntheticApp, syntheticBase, vocab, type SyntheticApp } from '../helpers/synthetic-app.js';

let s: SyntheticApp;
beforeAll(async () => {
  s = await syntheticApp();
});
afterAll(async () => {
  await s.close();
});

const select = `SELECT ?p ?name WHERE { ?p <${vocab}name> ?name } ORDER BY ?p LIMIT 2`;
const ask = `ASK { ?p <${vocab}name> "Person 1" }`;
const construct = `CONSTRUCT { ?p <${vocab}name> ?name } WHERE { ?p <${vocab}name> ?name FILTER(?name = "Person 1") }`;
const p1 = `${syntheticBase}id/person/p1`;
const p10 = `${syntheticBase}id/person/p10`;

async function run(query: string, accept?: string, format?: string) {
  return s.app.inject({ method: 'GET', url: '/sparql', query: format ? { query, format } : { query }, headers: accept ? { accept } : {} });
}

describe('a SELECT query', () => {
  it('answers SPARQL JSON by default', async () => {
    const res = await run(select);
    expect(res.headers['content-type']).toMatch(/^application\/sparql-results\+json/);
    const body = res.json<{ head: { vars: string[] }; results: { bindings: Array<Record<string, { value: string }>> } }>();
    expect(body.head.vars.sort()).toEqual(['name', 'p']);
    expect(body.results.bindings.map((b) => b.p?.value)).toEqual([p1, p10]);
    // Standard members only.
    expect(Object.keys(body).sort()).toEqual(['head', 'results']);
  });

  it('answers SPARQL XML for application/sparql-results+xml', async () => {
    const res = await run(select, 'application/sparql-results+xml');
    expect(res.headers['content-type']).toMatch(/^application\/sparql-results\+xml/);
    expect(res.body).toContain('<sparql xmlns="http://www.w3.org/2005/sparql-results#">');
    expect(res.body).toContain(`<binding name="p"><uri>${p1}</uri></binding>`);
  });

  it('answers CSV for text/csv', async () => {
    const res = await run(select, 'text/csv');
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body.trim().split(/\r\n/);
    expect(lines[0]?.split(',').sort()).toEqual(['name', 'p']);
    expect(lines).toHaveLength(3);
    expect(res.body).toContain(p1);
  });

  it('answers TSV for text/tab-separated-values', async () => {
    const res = await run(select, 'text/tab-separated-values');
    expect(res.headers['content-type']).toMatch(/^text\/tab-separated-values/);
    const lines = res.body.trim().split('\n');
    expect(lines[0]?.split('\t').sort()).toEqual(['?name', '?p']);
    expect(res.body).toContain(`<${p1}>`);
    expect(res.body).toContain('"Person 1"');
  });

  it('takes the highest q-value, not the first listed', async () => {
    const res = await run(select, 'application/sparql-results+json;q=0.5, text/csv;q=0.9, */*;q=0.1');
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
  });

  it('treats application/json as SPARQL JSON', async () => {
    const res = await run(select, 'application/json');
    expect(res.headers['content-type']).toMatch(/^application\/sparql-results\+json/);
  });

  it('lets format= override Accept, for links typed in a browser', async () => {
    for (const [format, type] of [
      ['json', 'application/sparql-results+json'],
      ['xml', 'application/sparql-results+xml'],
      ['csv', 'text/csv'],
      ['tsv', 'text/tab-separated-values'],
    ]) {
      const res = await run(select, 'text/html', format);
      expect(res.statusCode, format).toBe(200);
      expect(res.headers['content-type'], format).toContain(type);
    }
  });

  it('answers 406 when nothing acceptable can carry a table', async () => {
    const res = await run(select, 'text/turtle');
    expect(res.statusCode).toBe(406);
    expect(res.body).toMatch(/text\/csv \(format=csv\)/);
  });

  it('answers 406 for format=turtle, which cannot carry a table', async () => {
    const res = await run(select, undefined, 'turtle');
    expect(res.statusCode).toBe(406);
  });

  it('answers 406, not broken XML, when a value holds a character XML 1.0 cannot carry', async () => {
    const res = await run('SELECT ?x WHERE { BIND("bell \\u0007" AS ?x) }', 'application/sparql-results+xml');
    expect(res.statusCode).toBe(406);
    expect(res.body).toMatch(/U\+0007.*cannot carry/);
    expect((await run('SELECT ?x WHERE { BIND("bell \\u0007" AS ?x) }')).json()).toMatchObject({ results: { bindings: [{ x: { value: 'bell \u0007' } }] } });
  });

  it('answers 400 for an unknown format= name', async () => {
    const res = await run(select, undefined, 'yaml');
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/unknown format "yaml"/);
  });

  it('says Vary: Accept, since the body depends on it', async () => {
    const res = await run(select);
    expect(res.headers.vary).toMatch(/Accept/);
    const error = await run(select, 'image/png');
    expect(error.statusCode).toBe(406);
    expect(error.headers.vary).toMatch(/Accept/);
  });
});

describe('an ASK query', () => {
  it('answers a SPARQL JSON boolean by default', async () => {
    const res = await run(ask);
    expect(res.json()).toEqual({ head: {}, boolean: true });
  });

  it('answers a SPARQL XML boolean', async () => {
    const res = await run(ask, 'application/sparql-results+xml');
    expect(res.body).toContain('<boolean>true</boolean>');
  });
});

describe('a CONSTRUCT query', () => {
  const expected = `<${p1}> <${vocab}name> "Person 1"`;

  it('answers Turtle by default', async () => {
    const res = await run(construct);
    expect(res.headers['content-type']).toMatch(/^text\/turtle/);
    const quads = new Parser({ format: 'text/turtle' }).parse(res.body);
    expect(quads.map((q) => [q.subject.value, q.object.value])).toEqual([[p1, 'Person 1']]);
  });

  it('answers N-Triples', async () => {
    const res = await run(construct, 'application/n-triples');
    expect(res.headers['content-type']).toMatch(/^application\/n-triples/);
    expect(res.body.trim()).toBe(`${expected} .`);
  });

  it('answers N-Quads', async () => {
    const res = await run(construct, 'application/n-quads');
    expect(res.headers['content-type']).toMatch(/^application\/n-quads/);
    expect(new Parser({ format: 'application/n-quads' }).parse(res.body)).toHaveLength(1);
  });

  it('answers TriG', async () => {
    const res = await run(construct, 'application/trig');
    expect(res.headers['content-type']).toMatch(/^application\/trig/);
    const quads = new Parser({ format: 'application/trig' }).parse(res.body);
    expect(quads[0]?.object.value).toBe('Person 1');
  });

  it('answers JSON-LD', async () => {
    const res = await run(construct, 'application/ld+json');
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    const nquads = (await jsonld.toRDF(JSON.parse(res.body), { format: 'application/n-quads' })) as unknown as string;
    expect(nquads.trim()).toBe(`${expected} .`);
  });

  it('answers RDF/XML', async () => {
    const res = await run(construct, 'application/rdf+xml');
    expect(res.headers['content-type']).toMatch(/^application\/rdf\+xml/);
    const quads = await parseRdfXml(res.body);
    expect(quads.map((q) => q.object.value)).toEqual(['Person 1']);
  });

  it('leaves out template instances that are not RDF (a literal as subject), as SPARQL 1.1 says', async () => {
    const query = `CONSTRUCT { ?x <${vocab}p> 1 . <${vocab}s> <${vocab}p> ?x } WHERE { BIND(1 AS ?x) }`;
    for (const accept of ['application/n-triples', 'application/ld+json', 'application/rdf+xml', 'text/turtle']) {
      const res = await run(query, accept);
      expect(res.statusCode, accept).toBe(200);
    }
    const nt = await run(query, 'application/n-triples');
    expect(new Parser({ format: 'application/n-triples' }).parse(nt.body).map((q) => q.subject.value)).toEqual([`${vocab}s`]);
  });

  it('answers 406 when only table formats are acceptable', async () => {
    const res = await run(construct, 'application/sparql-results+json, text/csv');
    expect(res.statusCode).toBe(406);
  });
});

/**
 * SPARQLWrapper (Python) sends its return format three ways at once: Accept, and `format`/`output`/`results`
 * parameters, `format` twice for some formats. These are its requests as it builds them.
 */
describe('a SPARQLWrapper client', () => {
  async function wrapper(query: string, params: Array<[string, string]>, accept: string) {
    const search = new URLSearchParams([['query', query], ...params]).toString();
    return s.app.inject({ method: 'GET', url: `/sparql?${search}`, headers: { accept } });
  }

  it('gets SPARQL XML by default', async () => {
    const res = await wrapper(
      select,
      [
        ['format', 'xml'],
        ['output', 'xml'],
        ['results', 'xml'],
      ],
      'application/sparql-results+xml',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/sparql-results\+xml/);
  });

  it('gets SPARQL JSON with setReturnFormat(JSON)', async () => {
    const res = await wrapper(
      select,
      [
        ['format', 'json'],
        ['output', 'json'],
        ['results', 'json'],
      ],
      'application/sparql-results+json,application/json,text/javascript,application/javascript',
    );
    expect(res.json<{ results: { bindings: unknown[] } }>().results.bindings).toHaveLength(2);
  });

  it('gets TSV although format= comes twice (name and media type)', async () => {
    const res = await wrapper(
      select,
      [
        ['format', 'tsv'],
        ['format', 'text/tab-separated-values'],
        ['output', 'tsv'],
        ['output', 'text/tab-separated-values'],
      ],
      'text/tab-separated-values',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/tab-separated-values/);
  });

  it('gets JSON-LD for a CONSTRUCT with format=json-ld and its media type', async () => {
    const res = await wrapper(
      construct,
      [
        ['format', 'json-ld'],
        ['format', 'application/ld+json'],
      ],
      'application/ld+json,application/x-json+ld',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
  });

  it('gets JSON-LD for a CONSTRUCT with setReturnFormat(JSON), as Virtuoso and Fuseki answer', async () => {
    const res = await wrapper(
      construct,
      [
        ['format', 'json'],
        ['output', 'json'],
        ['results', 'json'],
      ],
      'application/sparql-results+json,application/json,text/javascript,application/javascript',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    const quads = await jsonld.toRDF(res.json<object>(), { format: 'application/n-quads' });
    expect(quads).toContain(`<${p1}> <${vocab}name> "Person 1" .`);
  });

  it('gets JSON-LD for a CONSTRUCT asked for as plain application/json', async () => {
    const res = await run(construct, 'application/json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
  });

  it('gets Turtle, which is valid N3, for a CONSTRUCT with format=n3', async () => {
    const res = await wrapper(construct, [['format', 'n3']], 'application/turtle,text/turtle,text/rdf+n3,application/n-triples,application/n3,text/n3');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/turtle/);
  });

  it('gets RDF/XML for a CONSTRUCT in its default XML (format=xml, Accept application/rdf+xml)', async () => {
    const res = await wrapper(
      construct,
      [
        ['format', 'xml'],
        ['output', 'xml'],
        ['results', 'xml'],
      ],
      'application/rdf+xml',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/rdf\+xml/);
    const quads = await parseRdfXml(res.body);
    expect(quads.map((q) => [q.subject.value, q.predicate.value, q.object.value])).toEqual([[p1, `${vocab}name`, 'Person 1']]);
  });
});

describe('a CSV answer holding values that start like a formula', () => {
  it('writes them as text a spreadsheet will not run, and numbers as they are', async () => {
    const res = await run('SELECT ?v { VALUES ?v { "=1+2" "@SUM(A1)" "-2+3" -7 "plain" } }', undefined, 'csv');
    expect(res.statusCode).toBe(200);
    expect(res.body.split('\r\n')).toEqual(['v', "'=1+2", "'@SUM(A1)", "'-2+3", '-7', 'plain', '']);
  });
});
