// Evaluates one analysed query with Comunica over an RDF/JS source (the shared quad index, or an N3 store) and returns a capped, thread-safe (encoded) result.
import { QueryEngine } from '@comunica/query-sparql-rdfjs';
import { checkBindable } from './check-bindable.js';
import { BindingsFactory } from '@comunica/utils-bindings-factory';
import { DataFactory } from 'rdf-data-factory';
import type { Bindings, Quad, Source, Term } from '@rdfjs/types';
import type { AnswerRequest } from '../store/graph-store.js';
import { classifyEngineError } from './classify-engine-error.js';
import { dropUnboundBinds } from './drop-unbound-binds.js';
import { rewriteTermEquality } from './rewrite-term-equality.js';
import { rescopeOptionalGraphVariables } from './rescope-optional-graph-variables.js';
import { keepImplicitGroupRow } from './keep-implicit-group-row.js';
import { QueryAnalyzer } from './query-analyzer.js';
import type { AlgebraOperation } from './query-analyzer.js';
import { termCodec } from './term-codec.js';
import type { EncodedTerm } from './term-codec.js';

/** A query as it travels to a worker: plain data only. */
export interface QueryJob {
  readonly query: string;
  readonly bindings?: Readonly<Record<string, EncodedTerm>>;
  readonly defaultGraphs?: readonly string[];
  readonly namedGraphs?: readonly string[];
  readonly maxResults: number;
  /** Base for relative IRIs when not the deployment's (the W3C conformance harness: one base per test). */
  readonly baseIri?: string;
  /** When given, the worker also writes the answer in the chosen format, under this byte cap. */
  readonly answer?: AnswerRequest;
}

export interface QueryRunnerOptions {
  /**
   * casegraph's default graph is the union of its named graphs (default true). The W3C test suites keep a
   * separate default graph, so the conformance harness turns this off.
   */
  readonly unionDefaultGraph?: boolean;
}

export type EncodedResult =
  | { readonly kind: 'bindings'; readonly variables: string[]; readonly rows: Array<Record<string, EncodedTerm>>; readonly truncated: boolean }
  | { readonly kind: 'quads'; readonly quads: EncodedTerm[]; readonly truncated: boolean }
  | { readonly kind: 'boolean'; readonly value: boolean };

interface Stream<T> {
  on(event: 'data', listener: (item: T) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  destroy(cause?: Error): void;
}

/**
 * Holds one engine and one source (anything with RDF/JS match(); countQuads() when present orders joins); each call parses the query again (algebra cannot cross threads),
 * applies the protocol dataset, then calls only queryBindings/queryQuads/queryBoolean: never query(),
 * which would run an update.
 */
export class QueryRunner {
  private readonly engine = new QueryEngine();
  private readonly analyzer: QueryAnalyzer;
  private readonly dataFactory = new DataFactory();
  private readonly bindingsFactory = new BindingsFactory(this.dataFactory);

  constructor(
    private readonly source: Source,
    private readonly baseIri: string,
    private readonly options: QueryRunnerOptions = {},
  ) {
    this.analyzer = new QueryAnalyzer(baseIri);
  }

  /** Runs over the runner's source, or over `source` (the conformance harness: one dataset per test, one engine for all). */
  async run(job: QueryJob, source: Source = this.source): Promise<EncodedResult> {
    try {
      return await this.evaluate(job, source);
    } catch (error) {
      throw classifyEngineError(error);
    }
  }

  private async evaluate(job: QueryJob, source: Source): Promise<EncodedResult> {
    const baseIri = job.baseIri ?? this.baseIri;
    const analysis = this.analyzer.analyze(job.query, baseIri);
    if (job.bindings) checkBindable(analysis.operation, Object.keys(job.bindings));
    const rewritten = keepImplicitGroupRow(
      rescopeOptionalGraphVariables(rewriteTermEquality(dropUnboundBinds(analysis.operation, Object.keys(job.bindings ?? {})))),
    );
    const operation = this.withDataset(rewritten, job);
    const context = {
      sources: [source],
      // The default graph is the union of all named graphs (one per file): a naive query finds everything.
      unionDefaultGraph: this.options.unionDefaultGraph ?? true,
      // The query's own BASE, so IRI("x") resolves as the query says (the algebra itself is already resolved).
      baseIRI: analysis.baseIri,
      ...(job.bindings && Object.keys(job.bindings).length > 0 ? { initialBindings: this.bindingsFactory.fromRecord(decodeRecord(job.bindings)) } : {}),
    };
    switch (analysis.resultKind) {
      case 'boolean':
        return { kind: 'boolean', value: await this.engine.queryBoolean(operation, context) };
      case 'quads': {
        const stream = await this.engine.queryQuads(operation, context);
        // SPARQL 1.1 §16.2: a template instance that is not RDF (a literal as subject or predicate) is left out.
        // Comunica passes it on, and every writer would then emit invalid output or fail.
        const { items, truncated } = await collect<Quad>(stream.filter(isRdfTriple), job.maxResults);
        return { kind: 'quads', quads: items.map((q) => termCodec.encode(q)), truncated };
      }
      case 'bindings': {
        const stream = await this.engine.queryBindings(operation, context);
        const { items, truncated } = await collect<Bindings>(stream, job.maxResults);
        const rows = items.map((bindings) => {
          const row: Record<string, EncodedTerm> = {};
          for (const [variable, term] of bindings) row[variable.value] = termCodec.encode(term);
          return row;
        });
        return { kind: 'bindings', variables: [...analysis.variables], rows, truncated };
      }
    }
  }

  /** Protocol default-graph-uri / named-graph-uri replace the query's own FROM / FROM NAMED (SPARQL 1.1 Protocol 2.1.4). */
  private withDataset(operation: AlgebraOperation, job: QueryJob): AlgebraOperation {
    if (job.defaultGraphs === undefined && job.namedGraphs === undefined) return operation;
    const input = (operation.type as string) === 'from' ? (operation as unknown as { input: AlgebraOperation }).input : operation;
    const iris = (list: readonly string[] | undefined) => (list ?? []).map((iri) => this.dataFactory.namedNode(iri));
    return { type: 'from', input, default: iris(job.defaultGraphs), named: iris(job.namedGraphs) } as unknown as AlgebraOperation;
  }
}

function decodeRecord(record: Readonly<Record<string, EncodedTerm>>): Record<string, Term> {
  return Object.fromEntries(Object.entries(record).map(([name, term]) => [name, termCodec.decode(term)]));
}

/** Reads at most `max` items; one more means the answer was cut, and the stream is stopped there. */
function collect<T>(stream: Stream<T>, max: number): Promise<{ items: T[]; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const items: T[] = [];
    // An iterator can be finished before we listen (Comunica's sort ends an empty input at once), and an
    // ended iterator never emits 'end' again: waiting for it would hold the worker until the deadline.
    if ((stream as { done?: boolean }).done) {
      resolve({ items, truncated: false });
      return;
    }
    let done = false;
    stream.on('data', (item) => {
      if (done) return;
      if (items.length < max) {
        items.push(item);
        return;
      }
      done = true;
      stream.destroy();
      resolve({ items, truncated: true });
    });
    stream.on('end', () => {
      if (!done) resolve({ items, truncated: false });
      done = true;
    });
    stream.on('error', (error) => {
      if (!done) reject(error);
      done = true;
    });
  });
}

function isRdfTriple(quad: Quad): boolean {
  const subject = quad.subject.termType;
  return (
    (subject === 'NamedNode' || subject === 'BlankNode' || subject === 'Quad') && quad.predicate.termType === 'NamedNode' && quad.object.termType !== 'Variable'
  );
}
