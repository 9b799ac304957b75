import { DataFactory } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseApp, type CaseApp } from '../helpers/case-app.js';

// The queries issue 15 reported as answering wrongly over the shipped data, each with its right answer.
let c: CaseApp;
let prefixes: string;
let id: (path: string) => string;
beforeAll(async () => {
  c = await openCaseApp();
  const base = c.store.baseIri;
  id = (path) => `${base}id/${path}`;
  prefixes = `PREFIX cg: <${base}ontology#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
`;
});
afterAll(async () => {
  await c.app.close();
  await c.store.close();
});

interface SparqlJson {
  boolean?: boolean;
  results?: { bindings: Array<Record<string, { value: string } | undefined>> };
}

async function sparql(query: string, extra: Record<string, string | string[]> = {}): Promise<SparqlJson> {
  const res = await c.app.inject({
    method: 'GET',
    url: '/sparql',
    query: { query: prefixes + query, ...extra },
    headers: { accept: 'application/sparql-results+json' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body) as SparqlJson;
}

const column = (answer: SparqlJson, name: string) => (answer.results?.bindings ?? []).map((row) => row[name]?.value);

describe('dates of mixed precision, through their derived interval', () => {
  it('finds the events of 2012 (a UN opinion of 2012-03, an award of 2012-12)', async () => {
    const answer = await sparql(
      'SELECT ?e WHERE { ?e a cg:Event ; cg:earliestDate ?from ; cg:latestDate ?to . FILTER(?from <= "2012-12-31"^^xsd:date && ?to >= "2012-01-01"^^xsd:date) } ORDER BY ?e',
    );
    expect(column(answer, 'e')).toEqual([id('event/gulmire-imin-hrw-award'), id('event/gulmire-imin-wgad-opinion')]);
  });

  it('filters with YEAR() where the plain dct:date gave no row', async () => {
    const answer = await sparql('SELECT ?e WHERE { ?e cg:earliestDate ?from . FILTER(YEAR(?from) = 2012) } ORDER BY ?e');
    expect(column(answer, 'e')).toEqual([
      id('event/gulmire-imin-hrw-award'),
      id('event/gulmire-imin-wgad-opinion'),
      id('source/uyghur-pen-2012-plight-of-uyghur-writers'),
    ]);
  });

  it('compares with an xsd:date: everything dated after 2011-01-01', async () => {
    const answer = await sparql('SELECT ?x WHERE { ?x cg:earliestDate ?from . FILTER(?from > "2011-01-01"^^xsd:date) }');
    expect(column(answer, 'x')).toHaveLength(8);
    expect(column(answer, 'x')).toContain(id('event/gulmire-imin-wgad-opinion'));
    expect(column(answer, 'x')).toContain(id('source/wgad-methods-of-work-2016'));
  });

  it('orders by date whatever the precision: by last day the year 2014 (to 2014-12-31) comes before 2014-08-12, by first day after it', async () => {
    // Among the dates up to 2014 (the Working Group's methods of work, July 2016, is later than all of them).
    const upTo2014 = 'FILTER(?to < "2015-01-01"^^xsd:date)';
    const answer = await sparql(`SELECT ?x ?date WHERE { ?x dct:date ?date ; cg:latestDate ?to . ${upTo2014} } ORDER BY DESC(?to) ?x LIMIT 3`);
    expect(column(answer, 'date')).toEqual(['2014', '2014', '2014-08-12']);
    const byStart = await sparql(
      `SELECT ?x ?date WHERE { ?x dct:date ?date ; cg:earliestDate ?from ; cg:latestDate ?to . ${upTo2014} } ORDER BY DESC(?from) ?x LIMIT 1`,
    );
    expect(column(byStart, 'date')).toEqual(['2014-08-12']);
  });
});

describe('the named graphs', () => {
  it('SELECT ?g { GRAPH ?g {} } lists every graph, derived ones too', async () => {
    const graphs = column(await sparql('SELECT ?g { GRAPH ?g {} }'), 'g');
    expect(graphs).toHaveLength(c.store.graphs.length);
    expect(new Set(graphs)).toEqual(new Set(c.store.graphs.map((g) => g.iri)));
  });

  it('ASK { GRAPH <http://nowhere/> {} } is false, and true for a graph that exists', async () => {
    expect((await sparql('ASK { GRAPH <http://nowhere/> {} }')).boolean).toBe(false);
    expect((await sparql(`ASK { GRAPH <${c.store.graphs[0]?.iri ?? ''}> {} }`)).boolean).toBe(true);
  });

  it('joins a GRAPH group without triple patterns (VALUES with UNDEF) with every graph name (W3C bindings#graph)', async () => {
    const first = c.store.graphs[0]?.iri ?? '';
    const answer = await sparql(`SELECT ?g ?t { GRAPH ?g { VALUES (?g ?t) { (UNDEF "any") (<${first}> "first") } } }`);
    const rows = (answer.results?.bindings ?? []).map((row) => `${row.t?.value ?? ''} ${row.g?.value ?? 'UNBOUND'}`);
    expect(rows.sort()).toEqual([...c.store.graphs.map((g) => `any ${g.iri}`), `first ${first}`].sort());
  });

  it('keeps the graph variable unbound inside its group (W3C graph-variable-scope)', async () => {
    expect(column(await sparql('SELECT * { GRAPH ?g { FILTER(BOUND(?g)) } }'), 'g')).toEqual([]);
    expect(column(await sparql('SELECT ?x { GRAPH ?g { BIND(BOUND(?g) AS ?x) } } LIMIT 1'), 'x')).toEqual(['false']);
  });
});

describe('a BIND of an unbound variable', () => {
  it('leaves its variable unbound and joins like the pattern alone (one row per derivation)', async () => {
    const bound = await sparql('SELECT (COUNT(*) AS ?n) { { BIND(?unbound AS ?c) } ?c prov:wasDerivedFrom ?t }');
    const plain = await sparql('SELECT (COUNT(*) AS ?n) { ?c prov:wasDerivedFrom ?t }');
    const derivations = (await c.store.match({ predicate: DataFactory.namedNode('http://www.w3.org/ns/prov#wasDerivedFrom') })).length;
    expect(derivations).toBeGreaterThan(100);
    expect(column(bound, 'n')).toEqual([String(derivations)]);
    expect(column(plain, 'n')).toEqual([String(derivations)]);
  });
});

describe('sub-classes and sub-properties of the ontology', () => {
  it('?e a cg:Event finds every event through its specific type', async () => {
    const events = column(await sparql('SELECT ?e { ?e a cg:Event }'), 'e');
    expect(events).toContain(id('event/gulmire-imin-arrest'));
    // Every event the data files type by a sub-class of cg:Event (none states cg:Event itself), across the six cases and the context.
    expect(events).toHaveLength(23);
  });

  it('?x cg:concernsPerson <gulmire-imin> includes the campaign for her', async () => {
    const concerning = column(await sparql(`SELECT ?x { ?x cg:concernsPerson <${id('person/gulmire-imin')}> }`), 'x');
    expect(concerning.filter((x) => x?.includes('/campaign/'))).toHaveLength(1);
    expect(concerning).toHaveLength(11);
  });

  it('is left out when a query names only source graphs (default-graph-uri)', async () => {
    const sourceGraphs = c.store.graphs.filter((g) => g.derived !== true).map((g) => g.iri);
    const events = await sparql('SELECT ?e { ?e a cg:Event }', { 'default-graph-uri': sourceGraphs });
    expect(column(events, 'e')).toEqual([]);
  });
});
