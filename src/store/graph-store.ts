// The store port: the one interface through which the rest of casegraph reads the graph (backends in src/backends/: the embedded index, or a SPARQL server).
import type { Quad, Term } from '@rdfjs/types';

/** One loaded file and the named graph it became. */
export interface LoadedGraph {
  /** Named graph IRI, `{base}graph/{path without extension}`. */
  readonly iri: string;
  /** Path relative to the project root, e.g. `data/cases/gulmire-imin.ttl`; `{folder}/…` for a data folder outside it. */
  readonly file: string;
  readonly size: number;
  /** True for a graph derived at load time (date intervals, entailment): `file` is then a description, not a path. */
  readonly derived?: boolean;
}

/** A read-only SPARQL query and the limits it runs under. */
export interface QueryRequest {
  readonly query: string;
  /** Values for variables, bound as RDF terms before evaluation (never spliced into the text). */
  readonly bindings?: Readonly<Record<string, Term>>;
  /** SPARQL protocol `default-graph-uri`: when given, the default graph is the merge of these graphs only. */
  readonly defaultGraphs?: readonly string[];
  /** SPARQL protocol `named-graph-uri`: when given, only these graphs are visible to GRAPH. */
  readonly namedGraphs?: readonly string[];
  /** Deadline in milliseconds; may only lower the store's own. */
  readonly timeoutMs?: number;
  /** Row/triple cap; may only lower the store's own. */
  readonly maxResults?: number;
}

export type QueryResult =
  | {
      readonly kind: 'bindings';
      readonly variables: readonly string[];
      readonly rows: ReadonlyArray<Readonly<Record<string, Term>>>;
      /** True when rows were cut at the cap; never a silent cut. */
      readonly truncated: boolean;
    }
  | { readonly kind: 'quads'; readonly quads: readonly Quad[]; readonly truncated: boolean }
  | { readonly kind: 'boolean'; readonly value: boolean };

/** How a store that can should write a query's answer itself, off the request thread (see GraphStore.answer). */
export interface AnswerRequest {
  /** For each kind of result the client can take, the `format=` name of the format chosen for it. */
  readonly formats: Readonly<Partial<Record<QueryResult['kind'], string>>>;
  /** The deployment base (the truncation link) and the prefixes Turtle, TriG and JSON-LD abbreviate with. */
  readonly context: { readonly baseIri: string; readonly prefixes: Readonly<Record<string, string>> };
  /** The most bytes the written answer may have; past it the query fails with ContentTooLargeError (413). */
  readonly maxBytes: number;
}

/** An answer already written in its format. */
export interface SerializedAnswer {
  readonly kind: QueryResult['kind'];
  /** The format written; undefined when the request chose none for this kind (the caller answers 406), `body` then empty. */
  readonly format: string | undefined;
  readonly body: Uint8Array;
  readonly truncated: boolean;
}

export interface QuadPattern {
  readonly subject?: Term | null;
  readonly predicate?: Term | null;
  readonly object?: Term | null;
  readonly graph?: Term | null;
}

/** Counters a store may keep about itself, read by /metrics. */
export interface StoreStats {
  /** Query workers replaced since start (stopped at a limit, or crashed). */
  readonly workerRestarts: number;
}

export interface GraphStore {
  /** Content hash of the loaded files and the base IRI: responses are a function of request and version. */
  readonly version: string;
  readonly baseIri: string;
  /** Number of quads. */
  readonly size: number;
  readonly graphs: readonly LoadedGraph[];
  /** Pattern lookup for answers small enough to hold at once (one resource's triples): no SPARQL text to write. */
  match(pattern: QuadPattern): Promise<Quad[]>;
  /**
   * The same lookup as a stream, for answers as large as the graph (dumps, CSV tables): a backend hands quads over
   * as it reads them (a remote one page by page), so no caller needs the whole answer in one array.
   */
  matchStream(pattern: QuadPattern): AsyncIterable<Quad>;
  /** Runs one read-only SPARQL query under the store's deadline and cap. */
  query(request: QueryRequest): Promise<QueryResult>;
  /**
   * Runs a query and writes its answer, capped at `maxBytes`, where it ran (the local store: in the worker, under
   * the same deadline), so a large answer never blocks the request thread. Optional: without it, query() and a
   * serialiser on the request thread do the same.
   */
  answer?(request: QueryRequest, answer: AnswerRequest): Promise<SerializedAnswer>;
  /** Counters for /metrics; optional, a store without workers has none. */
  stats?(): StoreStats;
  /** Frees workers and connections. */
  close(): Promise<void>;
}
