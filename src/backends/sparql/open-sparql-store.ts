// Opens a GraphStore over a SPARQL 1.1 server (Virtuoso, Fuseki, ...): reads its catalog, then answers queries and lookups over HTTP.
import { DataFactory, Parser } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import type { Config, SparqlStoreConfig } from '../../config/load-config.js';
import { BadRequestError, ConfigError, StoreUnavailableError } from '../../errors/casegraph-error.js';
import { QueryAnalyzer, type AlgebraOperation } from '../../engine/query-analyzer.js';
import { mentionsIris, rewriteQueryText } from '../../engine/rewrite-query-text.js';
import type { GraphStore, QuadPattern, QueryRequest, QueryResult } from '../../store/graph-store.js';
import { SparqlClient, StoreRefusal, type SparqlRequest } from './sparql-client.js';
import { termFromJson, termToSparql, withBlankNodes, type JsonTerm } from './sparql-terms.js';
import { readStoreCatalog, storeLayout } from './store-catalog.js';

const { namedNode, quad } = DataFactory;

/** Rows per page of a pattern lookup: below Virtuoso's shipped ResultSetMaxRows (10,000), so a page is never cut. */
const pageSize = 5_000;

interface JsonAnswer {
  readonly head?: { readonly vars?: string[] };
  readonly results?: { readonly bindings?: Array<Record<string, JsonTerm>> };
  readonly boolean?: boolean | number | string;
}

/**
 * The store serves the dataset version its catalog names (written by `casegraph load --to sparql`). Each version's
 * graphs are stored under names of their own (`{base}store/{version}/graph/…`), so a load never touches the served
 * ones; this backend shows them under their public names (`{base}graph/…`): requests name the stored graphs as
 * default-graph-uri and named-graph-uri (so the server's own graphs never show, and the default graph is the union
 * of ours, as on the embedded store), a query naming a public graph is rewritten to the stored name, and stored
 * names in answers are turned back.
 */
export async function openSparqlStore(config: Config): Promise<GraphStore> {
  const settings = config.sparql as SparqlStoreConfig;
  const client = new SparqlClient(settings.queryUrl, settings.maxBytes);
  const analyzer = new QueryAnalyzer(config.baseIri);

  const send = async (request: Omit<SparqlRequest, 'timeoutMs'> & { timeoutMs?: number }): Promise<{ body: string; serverRowLimit: number | undefined }> => {
    try {
      return await client.send({ ...request, timeoutMs: request.timeoutMs ?? config.queryTimeoutMs });
    } catch (error) {
      if (error instanceof StoreRefusal) throw new BadRequestError(`the store refused the query: ${error.detail}`, undefined, { cause: error });
      throw error;
    }
  };
  const select = async (query: string, graphs: readonly string[], timeoutMs?: number) => {
    const answer = await send({ query, defaultGraphs: graphs, namedGraphs: graphs, accept: 'application/sparql-results+json', timeoutMs });
    return { rows: parseJson(answer.body).results?.bindings ?? [], serverRowLimit: answer.serverRowLimit };
  };

  let catalog;
  try {
    catalog = await readStoreCatalog(async (query, graphs) => (await select(query, graphs)).rows, config.baseIri);
  } catch (error) {
    throw new ConfigError(`STORE=sparql: cannot read the store's catalog at SPARQL_QUERY_URL: ${(error as Error).message}`, undefined, { cause: error });
  }
  if (!catalog) {
    const pointer = storeLayout(config.baseIri, '').pointer;
    throw new ConfigError(`STORE=sparql: the store holds no casegraph dataset (no served version in <${pointer}>): load one with casegraph load --to sparql`);
  }
  const ours = catalog.graphs.map((g) => g.iri);
  const ourSet = new Set(ours);
  const storedOf = new Map(catalog.graphs.map((g) => [g.iri, g.stored]));
  const publicOf = new Map(catalog.graphs.map((g) => [g.stored, g.iri]));
  const stored = (iris: readonly string[]): string[] => iris.map((iri) => storedOf.get(iri) ?? iri);
  /** A stored graph name in an answer, shown under its public name; every other term as it is. */
  const shown = <T extends Term>(term: T): T =>
    term.termType === 'NamedNode' && publicOf.has(term.value) ? (namedNode(publicOf.get(term.value) as string) as unknown as T) : term;

  async function* matchStream(pattern: QuadPattern): AsyncIterable<Quad> {
    const graph = pattern.graph ?? null;
    if (graph && (graph.termType !== 'NamedNode' || !ourSet.has(graph.value))) return;
    const position = (term: Term | null | undefined, name: string): string => (term ? termToSparql(term) : `?${name}`);
    const [s, p, o, g] = [position(pattern.subject, 's'), position(pattern.predicate, 'p'), position(pattern.object, 'o'), position(graph, 'g')];
    const projected = [s, p, o, g].filter((t) => t.startsWith('?'));
    const head = projected.length ? projected.join(' ') : '(1 AS ?found)';
    const order = projected.length ? `ORDER BY ${projected.join(' ')}` : '';
    const graphs = stored(graph ? [graph.value] : ours);
    for (let offset = 0; ; offset += pageSize) {
      const query = `SELECT ${head} WHERE { GRAPH ${graph ? termToSparql(namedNode(storedOf.get(graph.value) as string)) : g} { ${s} ${p} ${o} } } ${order} LIMIT ${pageSize} OFFSET ${offset}`;
      const { rows, serverRowLimit } = await select(query, graphs);
      if (serverRowLimit !== undefined && rows.length >= serverRowLimit && serverRowLimit < pageSize) {
        throw new StoreUnavailableError(`the store cut a lookup at its own row limit (${serverRowLimit}); raise ResultSetMaxRows to at least ${pageSize}`);
      }
      for (const row of rows) {
        const value = (term: Term | null | undefined, name: string): Term => term ?? shown(termFromJson(row[name] as JsonTerm));
        yield quad(
          value(pattern.subject, 's') as Quad['subject'],
          value(pattern.predicate, 'p') as Quad['predicate'],
          value(pattern.object, 'o') as Quad['object'],
          value(graph, 'g') as Quad['graph'],
        );
      }
      if (rows.length < pageSize) return;
    }
  }

  const version = catalog.version;
  const size = catalog.size;
  const graphs = catalog.graphs.map(({ stored: _stored, ...graph }) => graph);
  return {
    version,
    baseIri: config.baseIri,
    size,
    graphs,
    matchStream,
    async match(pattern) {
      const out: Quad[] = [];
      for await (const q of matchStream(pattern)) out.push(q);
      return out;
    },
    async query(request: QueryRequest): Promise<QueryResult> {
      const timeoutMs = lower(config.queryTimeoutMs, request.timeoutMs, 'timeout');
      const maxResults = lower(config.maxResults, request.maxResults, 'maxResults');
      // Parsed here as on the embedded store: updates, LOAD and SERVICE are refused before anything is sent.
      const analysis = analyzer.analyze(request.query);
      checkDatasetClauses(analysis.operation, ourSet);
      // An empty list would mean "every graph" to the server: a graph name that is never loaded stands for "none".
      const none = [storeLayout(config.baseIri, version).storedName(`${config.baseIri}none`)];
      const pick = (asked: readonly string[] | undefined): string[] => {
        const kept = stored(asked ? asked.filter((g) => ourSet.has(g)) : ours);
        return kept.length ? kept : none;
      };
      // The embedded engine resolves relative IRIs against BASE_IRI (saved queries write `PREFIX cg: <ontology#>`): so
      // must the server. A BASE the query declares itself comes later and wins, as on the embedded store.
      const bound = request.bindings && Object.keys(request.bindings).length > 0 ? request.bindings : undefined;
      const text =
        bound || mentionsIris(analysis.operation, storedOf)
          ? rewriteQueryText(analysis.operation, { bindings: bound, iris: storedOf })
          : `BASE <${config.baseIri}>\n${request.query}`;
      const dataset = { defaultGraphs: pick(request.defaultGraphs), namedGraphs: pick(request.namedGraphs), timeoutMs };
      if (analysis.resultKind === 'quads') {
        const answer = await send({ ...dataset, query: text, accept: 'application/n-triples' });
        const quads = new Parser({ format: 'application/n-triples' })
          .parse(answer.body)
          .map(withBlankNodes)
          .map((q) => quad(shown(q.subject), q.predicate, shown(q.object), q.graph));
        if (answer.serverRowLimit !== undefined && quads.length >= answer.serverRowLimit && quads.length <= maxResults) throw cutByStore(answer.serverRowLimit);
        return { kind: 'quads', quads: quads.slice(0, maxResults), truncated: quads.length > maxResults };
      }
      const answer = await send({ ...dataset, query: text, accept: 'application/sparql-results+json' });
      const json = parseJson(answer.body);
      if (analysis.resultKind === 'boolean') {
        // Virtuoso writes an ASK answer as 1 or 0.
        const value = json.boolean;
        return { kind: 'boolean', value: value === true || value === 1 || value === '1' || value === 'true' };
      }
      const rows = json.results?.bindings ?? [];
      if (answer.serverRowLimit !== undefined && rows.length >= answer.serverRowLimit && rows.length <= maxResults) throw cutByStore(answer.serverRowLimit);
      const variables = analysis.variables.length ? analysis.variables : (json.head?.vars ?? []);
      const decoded = rows.slice(0, maxResults).map((row) => {
        const out: Record<string, Term> = {};
        for (const [name, term] of Object.entries(row)) {
          // A variable the query did not project (Virtuoso may add them) is left out.
          if (variables.includes(name)) out[name] = shown(termFromJson(term));
        }
        return out;
      });
      return { kind: 'bindings', variables, rows: decoded, truncated: rows.length > maxResults };
    },
    close: async () => undefined,
  };
}

/** FROM / FROM NAMED may only name our graphs: on a shared server they would reach its other graphs. */
function checkDatasetClauses(operation: AlgebraOperation, ours: ReadonlySet<string>): void {
  const queue: unknown[] = [operation];
  while (queue.length > 0) {
    const node = queue.pop() as { type?: string; default?: Term[]; named?: Term[]; input?: unknown } | undefined;
    if (!node || typeof node !== 'object') continue;
    if (node.type === 'from') {
      const named = [...(node.default ?? []), ...(node.named ?? [])].map((t) => t.value);
      const foreign = named.find((g) => !ours.has(g));
      if (foreign !== undefined) throw new BadRequestError(`FROM <${foreign}>: this store serves only casegraph's own graphs (see /dumps/ for their names)`);
    }
    if (node.input) queue.push(...(Array.isArray(node.input) ? (node.input as unknown[]) : [node.input]));
  }
}

function parseJson(body: string): JsonAnswer {
  try {
    return JSON.parse(body) as JsonAnswer;
  } catch (error) {
    throw new StoreUnavailableError('the store sent an answer that is not SPARQL JSON', undefined, { cause: error });
  }
}

function cutByStore(limit: number): StoreUnavailableError {
  return new StoreUnavailableError(`the store cut the answer at its own row limit (${limit}); casegraph does not serve partial answers as whole`);
}

/** A request may lower a limit, never raise it. */
function lower(limit: number, requested: number | undefined, name: string): number {
  if (requested === undefined) return limit;
  if (!Number.isInteger(requested) || requested < 1) throw new BadRequestError(`${name} must be a positive whole number, got ${requested}`);
  return Math.min(limit, requested);
}
