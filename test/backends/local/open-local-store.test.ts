import { DataFactory } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError, CasegraphError } from '../../../src/errors/casegraph-error.js';
import type { QueryResult } from '../../../src/store/graph-store.js';
import { openSyntheticStore } from '../../helpers/synthetic-store.js';
import type { SyntheticStore } from '../../helpers/synthetic-store.js';

const ex = (local: string) => `http://example.test/${local}`;
const graphA = ex('graph/data/people');
const graphB = ex('graph/data/places');

const files = {
  'data/people.ttl': `@prefix ex: <http://example.test/> .
ex:alice ex:name "Alice"@en ; ex:knows ex:bob ; ex:age 42 .
ex:bob ex:name "Bob" ; ex:note [ ex:text "a blank node" ] .
`,
  'data/places.ttl': `@prefix ex: <http://example.test/> .
ex:urumchi ex:name "Urumchi" ; ex:population "3.5e6"^^<http://www.w3.org/2001/XMLSchema#double> .
<id/place/oslo> ex:name "Oslo" .
`,
};

function rows(result: QueryResult): Array<Record<string, string>> {
  if (result.kind !== 'bindings') throw new Error(`expected bindings, got ${result.kind}`);
  return result.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.value])));
}

function values(result: QueryResult, variable: string): string[] {
  return rows(result)
    .map((row) => row[variable] ?? '')
    .sort();
}

let fixture: SyntheticStore;
beforeAll(async () => {
  fixture = await openSyntheticStore(files);
});
afterAll(async () => {
  await fixture?.dispose();
});

describe('a local store', () => {
  it('reports its graphs, size and a content version', () => {
    expect(fixture.store.graphs.map((g) => g.iri)).toEqual([graphA, graphB]);
    expect(fixture.store.size).toBe(9);
    expect(fixture.store.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('answers pattern lookups without SPARQL', async () => {
    const quads = await fixture.store.match({ subject: DataFactory.namedNode(ex('alice')), predicate: DataFactory.namedNode(ex('knows')) });
    expect(quads.map((q) => [q.object.value, q.graph.value])).toEqual([[ex('bob'), graphA]]);
  });
});

describe('the default graph', () => {
  it('is the union of all named graphs, so a naive query finds every file', async () => {
    const result = await fixture.store.query({ query: 'SELECT ?s WHERE { ?s <http://example.test/name> ?name }' });
    expect(values(result, 's')).toEqual([ex('alice'), ex('bob'), ex('id/place/oslo'), ex('urumchi')]);
  });

  it('still lets GRAPH ?g tell which file a triple came from', async () => {
    const result = await fixture.store.query({ query: 'SELECT ?s ?g WHERE { GRAPH ?g { ?s <http://example.test/name> ?name } }' });
    expect(rows(result).sort((a, b) => (a.s! < b.s! ? -1 : 1))).toEqual([
      { s: ex('alice'), g: graphA },
      { s: ex('bob'), g: graphA },
      { s: ex('id/place/oslo'), g: graphB },
      { s: ex('urumchi'), g: graphB },
    ]);
  });
});

describe('relative IRIs in a query', () => {
  it('resolve against the base IRI, as saved .rq files write them', async () => {
    const result = await fixture.store.query({ query: 'PREFIX place: <id/place/> PREFIX ex: <> SELECT ?name { place:oslo ex:name ?name }' });
    expect(values(result, 'name')).toEqual(['Oslo']);
  });
});

describe('a query with its own BASE', () => {
  it('resolves IRI("x") and relative IRIs against that BASE, not the deployment base', async () => {
    const result = await fixture.store.query({ query: 'BASE <http://example.org/> SELECT ?a ?b { BIND(IRI("x") AS ?a) BIND(<y> AS ?b) }' });
    expect(rows(result)).toEqual([{ a: 'http://example.org/x', b: 'http://example.org/y' }]);
  });

  it('without one, resolves IRI("x") against the deployment base', async () => {
    const result = await fixture.store.query({ query: 'SELECT ?a { BIND(IRI("id/x") AS ?a) }' });
    expect(rows(result)).toEqual([{ a: 'http://example.test/id/x' }]);
  });
});

describe('SELECT *', () => {
  it('lists variables in order of first appearance', async () => {
    const result = await fixture.store.query({ query: 'SELECT * { ?zebra ?apple ?mango OPTIONAL { ?mango ?banana ?x } } LIMIT 1' });
    expect(result.kind === 'bindings' && result.variables).toEqual(['zebra', 'apple', 'mango', 'banana', 'x']);
  });
});

describe('choosing graphs', () => {
  it('with default-graph-uri makes the default graph those graphs only', async () => {
    const result = await fixture.store.query({ query: 'SELECT ?s { ?s <http://example.test/name> ?n }', defaultGraphs: [graphB] });
    expect(values(result, 's')).toEqual([ex('id/place/oslo'), ex('urumchi')]);
  });

  it('with named-graph-uri lets GRAPH see only those graphs', async () => {
    const result = await fixture.store.query({ query: 'SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }', namedGraphs: [graphA] });
    expect(values(result, 'g')).toEqual([graphA]);
  });

  it('with the protocol overrides the query FROM clause', async () => {
    const query = `SELECT ?s FROM <${graphA}> { ?s <http://example.test/name> ?n }`;
    const result = await fixture.store.query({ query, defaultGraphs: [graphB] });
    expect(values(result, 's')).toEqual([ex('id/place/oslo'), ex('urumchi')]);
  });

  it('with FROM and FROM NAMED selects among our own graphs', async () => {
    const from = await fixture.store.query({ query: 'SELECT ?s FROM <graph/data/people> { ?s <http://example.test/name> ?n }' });
    expect(values(from, 's')).toEqual([ex('alice'), ex('bob')]);
    const named = await fixture.store.query({ query: 'SELECT DISTINCT ?g FROM NAMED <graph/data/places> { GRAPH ?g { ?s ?p ?o } }' });
    expect(values(named, 'g')).toEqual([graphB]);
  });

  it('finds nothing in a graph that is not ours', async () => {
    const result = await fixture.store.query({ query: 'SELECT * FROM <http://example.test/elsewhere> { ?s ?p ?o }' });
    expect(rows(result)).toEqual([]);
  });
});

describe('initial bindings', () => {
  it('bind a variable to an RDF term before evaluation', async () => {
    const result = await fixture.store.query({
      query: 'SELECT ?s ?name { ?s <http://example.test/name> ?name }',
      bindings: { s: DataFactory.namedNode(ex('bob')) },
    });
    expect(rows(result)).toEqual([{ s: ex('bob'), name: 'Bob' }]);
  });

  it('treat an injection-like string as a literal value, returning no extra rows', async () => {
    const result = await fixture.store.query({
      query: 'SELECT ?s { ?s <http://example.test/name> ?name }',
      bindings: { name: DataFactory.literal('Bob" } UNION { ?s ?p ?o } #') },
    });
    expect(rows(result)).toEqual([]);
  });
});

describe('an initial binding for a variable the query assigns', () => {
  it('is refused with 400 naming the variable', async () => {
    const request = { query: 'SELECT ?name { VALUES ?name { "Bob" } }', bindings: { name: DataFactory.literal('Alice') } };
    await expect(fixture.store.query(request)).rejects.toThrow(BadRequestError);
    await expect(fixture.store.query(request)).rejects.toThrow(/cannot bind \?name: the query assigns it/);
  });
});

describe('terms crossing the worker boundary', () => {
  it('come back as real RDF/JS terms: languages, datatypes and blank nodes intact', async () => {
    const result = await fixture.store.query({
      query:
        'SELECT ?name ?age ?pop ?note { { <http://example.test/alice> <http://example.test/name> ?name ; <http://example.test/age> ?age } UNION { <http://example.test/urumchi> <http://example.test/population> ?pop } UNION { <http://example.test/bob> <http://example.test/note> ?note } }',
    });
    if (result.kind !== 'bindings') throw new Error('expected bindings');
    const name = result.rows.find((r) => r.name)?.name;
    expect(name?.equals(DataFactory.literal('Alice', 'en'))).toBe(true);
    const age = result.rows.find((r) => r.age)?.age;
    expect(age?.equals(DataFactory.literal('42', DataFactory.namedNode('http://www.w3.org/2001/XMLSchema#integer')))).toBe(true);
    const pop = result.rows.find((r) => r.pop)?.pop;
    expect(pop?.termType === 'Literal' && pop.datatype.value).toBe('http://www.w3.org/2001/XMLSchema#double');
    const note = result.rows.find((r) => r.note)?.note;
    expect(note?.termType).toBe('BlankNode');
    expect(note?.equals(DataFactory.blankNode(note.value))).toBe(true);
  });
});

describe('the result cap', () => {
  it('cuts rows at the requested cap and says so', async () => {
    const result = await fixture.store.query({ query: 'SELECT * { ?s ?p ?o }', maxResults: 3 });
    expect(result.kind === 'bindings' && [result.rows.length, result.truncated]).toEqual([3, true]);
  });

  it('cuts CONSTRUCT triples the same way', async () => {
    const result = await fixture.store.query({ query: 'CONSTRUCT WHERE { ?s ?p ?o }', maxResults: 4 });
    expect(result.kind === 'quads' && [result.quads.length, result.truncated]).toEqual([4, true]);
  });

  it('does not flag an answer that fits exactly', async () => {
    const result = await fixture.store.query({ query: 'SELECT * { ?s ?p ?o }', maxResults: 9 });
    expect(result.kind === 'bindings' && [result.rows.length, result.truncated]).toEqual([9, false]);
  });

  it('is never raised by a request', async () => {
    const capped = await openSyntheticStore(files, { maxResults: 2, workers: 1 });
    try {
      const result = await capped.store.query({ query: 'SELECT * { ?s ?p ?o }', maxResults: 1000 });
      expect(result.kind === 'bindings' && [result.rows.length, result.truncated]).toEqual([2, true]);
    } finally {
      await capped.dispose();
    }
  });

  it('refuses a cap that is not a positive whole number', async () => {
    await expect(fixture.store.query({ query: 'ASK {}', maxResults: 0 })).rejects.toThrow(BadRequestError);
  });
});

describe('query forms', () => {
  it('answer ASK with a boolean and DESCRIBE with triples', async () => {
    expect(await fixture.store.query({ query: 'ASK { <http://example.test/alice> ?p ?o }' })).toEqual({ kind: 'boolean', value: true });
    const described = await fixture.store.query({ query: 'DESCRIBE <http://example.test/alice>' });
    expect(described.kind === 'quads' && described.quads.length).toBe(3);
  });
});

describe('a closed store', () => {
  it('refuses further queries', async () => {
    const short = await openSyntheticStore(files, { workers: 1 });
    await short.dispose();
    await expect(short.store.query({ query: 'ASK {}' })).rejects.toThrow(CasegraphError);
  });
});
