import { createRequire } from 'node:module';
import { Parser, Store } from 'n3';
import type { Quad } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import { buildQuadIndex } from '../../../src/backends/local/build-quad-index.js';
import { QuadIndex } from '../../../src/backends/local/quad-index.js';
import { QuadIndexSource } from '../../../src/backends/local/quad-index-source.js';
import { QueryRunner } from '../../../src/engine/query-runner.js';
import type { EncodedResult, QueryJob } from '../../../src/engine/query-runner.js';

const base = 'http://example.test/synthetic/';
const data = new Parser({ format: 'TriG' }).parse(`
@prefix ex: <${base}> .
ex:g1 { ex:alice ex:knows ex:bob , _:friend ; ex:name "Alice"@en . _:friend ex:name "Friend" . }
ex:g2 { ex:bob ex:knows ex:carol ; ex:name "Bob" ; ex:age 41 . ex:alice ex:name "Alice"@en . }
ex:g3 { ex:carol ex:name "Carol" ; ex:age 37 . }
ex:dave ex:name "Dave" .
`) as Quad[];

const queries = {
  join: `PREFIX ex: <${base}> SELECT ?a ?n { ?a ex:knows ?b . ?b ex:name ?n . ?a ex:name ?an }`,
  graphs: `PREFIX ex: <${base}> SELECT ?g ?s { GRAPH ?g { ?s ex:name ?n } }`,
  optional: `PREFIX ex: <${base}> SELECT ?s ?age { ?s ex:name ?n OPTIONAL { ?s ex:age ?age } }`,
  count: 'SELECT (COUNT(*) AS ?c) { ?s ?p ?o }',
  countGraphs: 'SELECT ?g (COUNT(*) AS ?c) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g',
  construct: `PREFIX ex: <${base}> CONSTRUCT { ?s ex:seen ?o } WHERE { ?s ex:knows ?o }`,
  ask: `PREFIX ex: <${base}> ASK { GRAPH ex:g3 { ex:carol ex:age 37 } }`,
};

/** Rows as sorted strings, so the two sources may answer in different orders. */
function normalise(result: EncodedResult): unknown {
  if (result.kind === 'boolean') return result.value;
  const items = result.kind === 'bindings' ? result.rows : result.quads;
  return items.map((item) => JSON.stringify(item)).sort();
}

/** One engine per union setting and source (starting an engine takes a while); both over the same quads. */
const runners = new Map<boolean, { n3: QueryRunner; indexed: QueryRunner }>();

async function both(union: boolean, job: QueryJob): Promise<[unknown, unknown]> {
  let pair = runners.get(union);
  if (!pair) {
    pair = {
      n3: new QueryRunner(new Store(data), base, { unionDefaultGraph: union }),
      indexed: new QueryRunner(new QuadIndexSource(QuadIndex.attach(buildQuadIndex(data))), base, { unionDefaultGraph: union }),
    };
    runners.set(union, pair);
  }
  return [normalise(await pair.indexed.run(job)), normalise(await pair.n3.run(job))];
}

describe('SPARQL over the quad index source', () => {
  for (const union of [true, false]) {
    it.each(Object.entries(queries))(`answers %s as over an N3 store (union default graph ${union})`, async (_name, query) => {
      const [indexed, n3] = await both(union, { query, maxResults: 1000 });
      expect(indexed).toEqual(n3);
    });
  }

  it('sees the union of named graphs as the default graph when asked to', async () => {
    const [indexed] = await both(true, { query: 'SELECT (COUNT(*) AS ?c) { ?s ?p ?o }', maxResults: 10 });
    const [separate] = await both(false, { query: 'SELECT (COUNT(*) AS ?c) { ?s ?p ?o }', maxResults: 10 });
    expect(indexed).not.toEqual(separate);
  });

  it('honours default-graph-uri and named-graph-uri', async () => {
    const job = {
      query: 'SELECT ?s ?g { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }',
      defaultGraphs: [`${base}g3`],
      namedGraphs: [`${base}g1`],
      maxResults: 100,
    };
    const [indexed, n3] = await both(true, job);
    expect(indexed).toEqual(n3);
    expect((indexed as string[]).length).toBeGreaterThan(0);
  });

  it("streams with Comunica's own asynciterator class, so Comunica does not wrap it", () => {
    const comunicaRequire = createRequire(createRequire(import.meta.url).resolve('@comunica/actor-query-source-identify-rdfjs/lib/QuerySourceRdfJs.js'));
    const { AsyncIterator } = comunicaRequire('asynciterator') as typeof import('asynciterator');
    const source = new QuadIndexSource(QuadIndex.attach(buildQuadIndex(data)));
    expect(source.match()).toBeInstanceOf(AsyncIterator);
    expect(source.match(null, null, null, null)).toBeInstanceOf(AsyncIterator);
  });

  it('streams a range longer than one batch completely, and counts exactly', async () => {
    const many = Array.from({ length: 1300 }, (_, i) => new Parser().parse(`<${base}s${i}> <${base}p> "${i}" .`)[0] as Quad);
    const source = new QuadIndexSource(QuadIndex.attach(buildQuadIndex(many)));
    const seen = await source.match().toArray();
    expect(seen).toHaveLength(1300);
    expect(source.countQuads()).toBe(1300);
  });
});
