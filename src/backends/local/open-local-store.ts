// Opens the local GraphStore: the dataset files in one shared quad index, read here by match() and queried by a pool of Comunica worker threads.
import type { Config } from '../../config/load-config.js';
import { BadRequestError } from '../../errors/casegraph-error.js';
import { QueryPool } from './query-pool.js';
import { decodeResult } from '../../engine/decode-result.js';
import { termCodec } from '../../engine/term-codec.js';
import type { GraphStore, QueryRequest, QueryResult } from '../../store/graph-store.js';
import { loadGraph } from '../../dataset/load-graph.js';
import { buildQuadIndex } from './build-quad-index.js';
import { QuadIndex } from './quad-index.js';

/**
 * Loads ontology and data (failing fast on bad files), builds the quad index once, and starts `config.workers`
 * query workers that all attach to it. match() reads the same index on this thread; the N3 store the loader
 * built is dropped (bench/README.md: keeping it cost about 1.5 KB a triple). query() always goes through the pool.
 */
export async function openLocalStore(config: Config): Promise<GraphStore> {
  const { index: buffers, graphs, version } = loadIndexed(config);
  const index = QuadIndex.attach(buffers);
  const pool = await QueryPool.start({ size: config.workers, index: buffers, baseIri: config.baseIri, memoryMb: config.queryMemoryMb });
  return {
    version,
    baseIri: config.baseIri,
    size: index.size,
    graphs,
    match: (pattern) => index.match(pattern.subject, pattern.predicate, pattern.object, pattern.graph),
    async query(request: QueryRequest): Promise<QueryResult> {
      const timeoutMs = lower(config.queryTimeoutMs, request.timeoutMs, 'timeout');
      const maxResults = lower(config.maxResults, request.maxResults, 'maxResults');
      const bindings = request.bindings
        ? Object.fromEntries(Object.entries(request.bindings).map(([name, term]) => [name, termCodec.encode(term)]))
        : undefined;
      const job = { query: request.query, bindings, defaultGraphs: request.defaultGraphs, namedGraphs: request.namedGraphs, maxResults };
      return decodeResult(await pool.run(job, timeoutMs));
    },
    close: () => pool.close(),
  };
}

/** In a function of its own so the loader's N3 store is garbage once the index is built. */
function loadIndexed(config: Config): { index: ReturnType<typeof buildQuadIndex>; graphs: ReturnType<typeof loadGraph>['graphs']; version: string } {
  const { store, graphs, version } = loadGraph({ root: config.root, dirs: config.dataDirs, baseIri: config.baseIri });
  return { index: buildQuadIndex(store.readQuads(null, null, null, null)), graphs, version };
}

/** A request may lower a limit, never raise it. */
function lower(limit: number, requested: number | undefined, name: string): number {
  if (requested === undefined) return limit;
  if (!Number.isInteger(requested) || requested < 1) {
    throw new BadRequestError(`${name} must be a positive whole number, got ${requested}`);
  }
  return Math.min(limit, requested);
}
