// Opens the local GraphStore: the dataset files in one N3 store, answered by Comunica under the store's limits.
import type { Quad, Term } from '@rdfjs/types';
import type { Config } from '../config/load-config.js';
import { BadRequestError } from '../errors/casegraph-error.js';
import { QueryRunner } from '../sparql/run-query.js';
import type { EncodedResult } from '../sparql/run-query.js';
import { termCodec } from '../sparql/term-codec.js';
import type { GraphStore, QueryRequest, QueryResult } from './graph-store.js';
import { loadGraph } from './load-graph.js';

export async function openLocalStore(config: Config): Promise<GraphStore> {
  const { store, graphs, version } = loadGraph({ root: config.root, dirs: config.dataDirs, baseIri: config.baseIri });
  const runner = new QueryRunner(store, config.baseIri);
  return {
    version,
    baseIri: config.baseIri,
    size: store.size,
    graphs,
    match: (pattern) =>
      store.getQuads(pattern.subject ?? null, pattern.predicate ?? null, pattern.object ?? null, pattern.graph ?? null) as Quad[],
    async query(request: QueryRequest): Promise<QueryResult> {
      const maxResults = lower(config.maxResults, request.maxResults, 'maxResults');
      const bindings = request.bindings
        ? Object.fromEntries(Object.entries(request.bindings).map(([k, v]) => [k, termCodec.encode(v)]))
        : undefined;
      const result = await runner.run({ query: request.query, bindings, defaultGraphs: request.defaultGraphs, namedGraphs: request.namedGraphs, maxResults });
      return decodeResult(result);
    },
    async close() {},
  };
}

function lower(limit: number, requested: number | undefined, name: string): number {
  if (requested === undefined) return limit;
  if (!Number.isInteger(requested) || requested < 1) throw new BadRequestError(`${name} must be a positive whole number, got ${requested}`);
  return Math.min(limit, requested);
}

function decodeResult(result: EncodedResult): QueryResult {
  switch (result.kind) {
    case 'boolean':
      return result;
    case 'quads':
      return { kind: 'quads', quads: result.quads.map((q) => termCodec.decodeQuad(q)), truncated: result.truncated };
    case 'bindings':
      return {
        kind: 'bindings',
        variables: result.variables,
        rows: result.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, termCodec.decode(v)])) as Record<string, Term>),
        truncated: result.truncated,
      };
  }
}
