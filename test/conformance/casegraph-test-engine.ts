// The rdf-test-suite engine: casegraph's query setup (same analysis, runner and serialisers), one dataset per test.
import { Readable } from 'node:stream';
import { Store } from 'n3';
import type { Quad, Source } from '@rdfjs/types';
import { QueryResultBindings, QueryResultBoolean, QueryResultQuads } from 'rdf-test-suite';
import type { IQueryEngine, IQueryResult } from 'rdf-test-suite';
import { QueryAnalyzer } from '../../src/engine/query-analyzer.js';
import { decodeResult } from '../../src/engine/decode-result.js';
import { resultFormats } from '../../src/formats/result-formats.js';
import { QueryRunner } from '../../src/engine/query-runner.js';
import type { QueryResult } from '../../src/store/graph-store.js';
import { buildQuadIndex } from '../../src/backends/local/build-quad-index.js';
import { QuadIndex } from '../../src/backends/local/quad-index.js';
import { QuadIndexSource } from '../../src/backends/local/quad-index-source.js';

const placeholderBase = 'http://example.test/';

/** Which RDF/JS source each test's data is put in: an N3 store, or the shared quad index the query workers use. */
export type TestSource = 'n3' | 'index';

const sources: Readonly<Record<TestSource, (data: Quad[]) => Source>> = {
  n3: (data) => new Store(data),
  index: (data) => new QuadIndexSource(QuadIndex.attach(buildQuadIndex(data))),
};

/**
 * W3C tests keep a separate default graph, so the union default graph is off here; everything else
 * (parsing, rejection rules, dataset handling, Comunica context, serialisers) is casegraph's own code.
 */
export function casegraphTestEngine(source: TestSource = 'n3'): IQueryEngine {
  const analyzer = new QueryAnalyzer(placeholderBase);
  const runner = new QueryRunner(new Store(), placeholderBase, { unionDefaultGraph: false });

  async function run(data: Quad[], query: string, baseIri: string): Promise<QueryResult> {
    const encoded = await runner.run({ query, baseIri, maxResults: Number.MAX_SAFE_INTEGER }, sources[source](data));
    return decodeResult(encoded);
  }

  return {
    async parse(query: string, options: Record<string, unknown>) {
      analyzer.analyze(query, (options.baseIRI as string | undefined) ?? placeholderBase);
    },
    async query(data: Quad[], query: string, options: Record<string, unknown>): Promise<IQueryResult> {
      const result = await run(data, query, (options.baseIRI as string | undefined) ?? placeholderBase);
      switch (result.kind) {
        case 'boolean':
          return new QueryResultBoolean(result.value);
        case 'quads':
          return new QueryResultQuads([...result.quads]);
        case 'bindings':
          return new QueryResultBindings(
            result.variables.map((name) => `?${name}`),
            result.rows.map((row) => Object.fromEntries(Object.entries(row).map(([name, term]) => [`?${name}`, term]))),
            Boolean(options.checkOrder),
          );
      }
    },
    async queryResultFormat(data: Quad[], query: string, mediaType: string, options: Record<string, unknown>) {
      const result = await run(data, query, (options.baseIRI as string | undefined) ?? placeholderBase);
      const format = resultFormats.find((f) => f.mediaType === mediaType && f.kinds.includes(result.kind));
      if (!format) throw new Error(`no serialiser for ${mediaType}`);
      return Readable.from([await format.serialize(result, { baseIri: placeholderBase, prefixes: {} })]);
    },
  };
}
