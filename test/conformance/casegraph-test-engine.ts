// The rdf-test-suite engine: casegraph's query setup (same analysis, runner and serialisers), one dataset per test.
import { Readable } from 'node:stream';
import { Store } from 'n3';
import type { Quad } from '@rdfjs/types';
import { QueryResultBindings, QueryResultBoolean, QueryResultQuads } from 'rdf-test-suite';
import type { IQueryEngine, IQueryResult } from 'rdf-test-suite';
import { QueryAnalyzer } from '../../src/engine/query-analyzer.js';
import { decodeResult } from '../../src/engine/decode-result.js';
import { resultFormats } from '../../src/formats/result-formats.js';
import { QueryRunner } from '../../src/engine/query-runner.js';
import type { QueryResult } from '../../src/store/graph-store.js';

const placeholderBase = 'http://example.test/';

/**
 * W3C tests keep a separate default graph, so the union default graph is off here; everything else
 * (parsing, rejection rules, dataset handling, Comunica context, serialisers) is casegraph's own code.
 */
export function casegraphTestEngine(): IQueryEngine {
  const analyzer = new QueryAnalyzer(placeholderBase);
  const runner = new QueryRunner(new Store(), placeholderBase, { unionDefaultGraph: false });

  async function run(data: Quad[], query: string, baseIri: string): Promise<QueryResult> {
    const encoded = await runner.run({ query, baseIri, maxResults: Number.MAX_SAFE_INTEGER }, new Store(data));
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
