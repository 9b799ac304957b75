import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appOverFolder, copyRequiredQueries, type SyntheticApp } from '../helpers/synthetic-app.js';
import { syntheticBase, writeDataset } from '../helpers/synthetic-store.js';
import { ontologyFile, syntheticCase } from '../helpers/synthetic-case.js';

// Confidential resources and graphs (cg:confidential true) never leave: the canary fixtures' strings and IRIs appear
// through no query, page, JSON-LD, dump, CSV or citation, while what is public around them still does.

const fixtures = path.join(import.meta.dirname, 'fixtures/confidential');
const fixtureFiles = Object.fromEntries(readdirSync(fixtures).map((file) => [`data/${file}`, readFileSync(path.join(fixtures, file), 'utf8')]));
/** Everything the confidential fixtures hold that could identify them. */
const canaries = ['CANARY-7f3a', 'id/person/relative-1', 'id/person/witness-1', 'id/contact/c1', 'graph/data/witness'];

let s: SyntheticApp;
beforeAll(async () => {
  const root = writeDataset({ 'data/ontology.ttl': ontologyFile, 'data/case.ttl': syntheticCase, ...fixtureFiles });
  copyRequiredQueries(root);
  s = await appOverFolder(root);
}, 60_000);
afterAll(async () => s?.close());

const sparql = (query: string, format = 'json') => s.app.inject({ url: `/sparql?query=${encodeURIComponent(query)}&format=${format}` });

function expectNoCanary(where: string, body: string): void {
  for (const canary of canaries) expect(body, `${where} shows ${canary}`).not.toContain(canary);
}

describe('the confidential fixtures', () => {
  // Proves the checks below look for strings that are really in the files read: a canary never written could not leak.
  it('hold every canary string before loading', () => {
    const all = Object.values(fixtureFiles).join('\n');
    for (const canary of canaries) expect(all.includes(canary) || all.includes(`<${canary.replace('id/', 'id/')}>`), canary).toBe(true);
  });
});

describe('a resource or graph marked cg:confidential true', () => {
  it('is absent from SELECT *, GRAPH ?g, a REGEX over every literal and the list of graphs', async () => {
    for (const query of [
      'SELECT * WHERE { ?s ?p ?o }',
      'SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }',
      'SELECT DISTINCT ?g WHERE { GRAPH ?g { } }',
      'SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(REGEX(STR(?o), "canary|7f3a|relative|witness|c1", "i")) }',
    ]) {
      const response = await sparql(query);
      expect(response.statusCode).toBe(200);
      expectNoCanary(query, response.body);
    }
    const regex = await sparql('SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isLiteral(?o) && REGEX(?o, "CANARY")) }');
    expect(regex.json().results.bindings).toEqual([]);
    // The files' graphs, the marked one left out (graphs derived at load time, such as the ontology's closure, come on top).
    expect(s.store.graphs.filter((graph) => graph.derived !== true)).toHaveLength(5);
    expect(s.store.graphs.map((graph) => graph.iri).join(' ')).not.toContain('graph/data/witness');
    const health = (await s.app.inject({ url: '/health' })).json();
    expect(health.graphs).toBe(s.store.graphs.length);
  });

  it('leaves no mark of its own and no dangling blank node', async () => {
    const marks = await sparql(`ASK { ?s <${syntheticBase}ontology#confidential> ?o }`);
    expect(marks.json().boolean).toBe(false);
    const blanks = await sparql(`SELECT * WHERE { <${syntheticBase}id/person/p1> ?p ?o . FILTER(isBlank(?o)) }`);
    expect(blanks.json().results.bindings).toEqual([]);
    const anyBlank = await sparql('SELECT * WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isBlank(?s) && STRENDS(STR(?g), "additions")) }');
    expect(anyBlank.json().results.bindings).toEqual([]);
  });

  it('is absent from DESCRIBE of itself and of the public person pointing at it', async () => {
    for (const iri of ['id/person/relative-1', 'id/person/witness-1', 'id/contact/c1', 'id/person/p1']) {
      const response = await sparql(`DESCRIBE <${syntheticBase}${iri}>`, 'turtle');
      expect(response.statusCode).toBe(200);
      expectNoCanary(`DESCRIBE ${iri}`, response.body);
    }
  });

  it('answers 404 as a page, and the public page, JSON-LD and Turtle do not show it', async () => {
    for (const url of ['/id/person/relative-1', '/id/person/witness-1', '/id/contact/c1', '/graph/data/witness']) {
      expect((await s.app.inject({ url, headers: { accept: 'text/html' } })).statusCode, url).toBe(404);
    }
    for (const accept of ['text/html', 'application/ld+json', 'text/turtle', 'text/csv']) {
      const page = await s.app.inject({ url: '/id/person/p1', headers: { accept } });
      expectNoCanary(`/id/person/p1 as ${accept}`, page.body);
    }
  });

  it('is absent from every download, CSV as well as RDF', async () => {
    const index = (await s.app.inject({ url: '/dumps/', headers: { accept: 'application/json' } })).json();
    expect(index.dumps.length).toBeGreaterThan(3);
    for (const { name } of index.dumps as Array<{ name: string }>) {
      const dump = await s.app.inject({ url: `/dumps/${name}` });
      expect(dump.statusCode, name).toBe(200);
      expectNoCanary(`/dumps/${name}`, dump.body);
    }
    const csv = await sparql('SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }', 'csv');
    expectNoCanary('SPARQL CSV', csv.body);
  });

  it('is absent from the person API, citations and the communication', async () => {
    for (const url of ['/api/persons/p1', '/api/persons/p1/claims', '/api/persons/p1/citations', '/api/persons/p1/communication']) {
      const response = await s.app.inject({ url });
      expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
      expectNoCanary(url, response.body);
    }
  });
});

describe('what is public around it', () => {
  it('stays: the public person, and a resource marked confidential false', async () => {
    const p1 = await sparql(`ASK { <${syntheticBase}id/person/p1> ?p ?o }`);
    expect(p1.json().boolean).toBe(true);
    const publicTwo = await sparql(`ASK { <${syntheticBase}id/person/public-2> <https://schema.org/name> "Public person two" }`);
    expect(publicTwo.json().boolean).toBe(true);
  });
});
