// Opens a GraphStore over a SPARQL 1.1 server (Virtuoso, Fuseki, ...): reads its catalog, then answers queries and lookups over HTTP.
import { DataFactory, Parser } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import type { Config, SparqlStoreConfig } from '../../config/load-config.js';
import { BadRequestError, ConfigError, StoreUnavailableError } from '../../errors/casegraph-error.js';
import { QueryAnalyzer, type AlgebraOperation } from '../../engine/query-analyzer.js';
import type { GraphStore, LoadedGraph, QuadPattern, QueryRequest, QueryResult } from '../../store/graph-store.js';
import { casegraphNamespaces, relativeNamespaces } from '../../vocabulary/namespaces.js';
import { SparqlClient, StoreRefusal, type SparqlRequest } from './sparql-client.js';
import { fromIri, termFromJson, termToSparql, withBlankNodes, type JsonTerm } from './sparql-terms.js';

const { quad } = DataFactory;

/** Rows per page of a pattern lookup: below Virtuoso's shipped ResultSetMaxRows (10,000), so a page is never cut. */
const pageSize = 5_000;

interface JsonAnswer {
  readonly head?: { readonly vars?: string[] };
  readonly results?: { readonly bindings?: Array<Record<string, JsonTerm>> };
  readonly boolean?: boolean | number | string;
}

/**
 * The store serves exactly the graphs its catalog names (`{base}store/catalog`, written by `casegraph load --to sparql`):
 * every request names them as default-graph-uri and named-graph-uri, so the server's own graphs (Virtuoso's
 * system graphs) never show, and the default graph is the union of ours as on the embedded store.
 */
export async function openSparqlStore(config: Config): Promise<GraphStore> {
  const settings = config.sparql as SparqlStoreConfig;
  const client = new SparqlClient(settings.queryUrl, settings.maxBytes);
  const analyzer = new QueryAnalyzer(config.baseIri);
  const catalog = await readCatalog(client, config);
  const ours = catalog.graphs.map((g) => g.iri);
  const ourSet = new Set(ours);

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

  async function* matchStream(pattern: QuadPattern): AsyncIterable<Quad> {
    const graph = pattern.graph ?? null;
    if (graph && (graph.termType !== 'NamedNode' || !ourSet.has(graph.value))) return;
    const position = (term: Term | null | undefined, name: string): string => (term ? termToSparql(term) : `?${name}`);
    const [s, p, o, g] = [position(pattern.subject, 's'), position(pattern.predicate, 'p'), position(pattern.object, 'o'), position(graph, 'g')];
    const projected = [s, p, o, g].filter((t) => t.startsWith('?'));
    const head = projected.length ? projected.join(' ') : '(1 AS ?found)';
    const order = projected.length ? `ORDER BY ${projected.join(' ')}` : '';
    const graphs = graph ? [graph.value] : ours;
    for (let offset = 0; ; offset += pageSize) {
      const query = `SELECT ${head} WHERE { GRAPH ${g} { ${s} ${p} ${o} } } ${order} LIMIT ${pageSize} OFFSET ${offset}`;
      const { rows, serverRowLimit } = await select(query, graphs);
      if (serverRowLimit !== undefined && rows.length >= serverRowLimit && serverRowLimit < pageSize) {
        throw new StoreUnavailableError(`the store cut a lookup at its own row limit (${serverRowLimit}); raise ResultSetMaxRows to at least ${pageSize}`);
      }
      for (const row of rows) {
        const value = (term: Term | null | undefined, name: string): Term => term ?? termFromJson(row[name] as JsonTerm);
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

  return {
    version: catalog.version,
    baseIri: config.baseIri,
    size: catalog.size,
    graphs: catalog.graphs,
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
      const none = [`${casegraphNamespaces(config.baseIri).graph.iri}.none`];
      const pick = (asked: readonly string[] | undefined): string[] => {
        const kept = asked ? asked.filter((g) => ourSet.has(g)) : ours;
        return kept.length ? kept : none;
      };
      const text = request.bindings && Object.keys(request.bindings).length > 0 ? withValues(request.query, request.bindings) : request.query;
      const dataset = { defaultGraphs: pick(request.defaultGraphs), namedGraphs: pick(request.namedGraphs), timeoutMs };
      if (analysis.resultKind === 'quads') {
        const answer = await send({ ...dataset, query: text, accept: 'application/n-triples' });
        const quads = new Parser({ format: 'application/n-triples' }).parse(answer.body).map(withBlankNodes);
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
          if (variables.includes(name)) out[name] = termFromJson(term);
        }
        return out;
      });
      return { kind: 'bindings', variables, rows: decoded, truncated: rows.length > maxResults };
    },
    close: async () => undefined,
  };
}

interface Catalog {
  readonly version: string;
  readonly graphs: LoadedGraph[];
  readonly size: number;
}

/** What the store holds, from its catalog graph; a store without one stops startup with what to do. */
async function readCatalog(client: SparqlClient, config: Config): Promise<Catalog> {
  const cg = casegraphNamespaces(config.baseIri).cg;
  const catalogIri = config.baseIri + relativeNamespaces.storeCatalog;
  const ask = async (query: string, graphs: readonly string[]) => {
    const answer = await client.send({
      query,
      defaultGraphs: graphs,
      namedGraphs: graphs,
      accept: 'application/sparql-results+json',
      timeoutMs: config.queryTimeoutMs,
    });
    return parseJson(answer.body).results?.bindings ?? [];
  };
  let rows: Array<Record<string, JsonTerm>>;
  try {
    rows = await ask(
      `SELECT ?version ?graph ?file ?size WHERE { GRAPH <${catalogIri}> { <${catalogIri}> <${cg('datasetVersion')}> ?version ; <${cg('loadedGraph')}> ?entry . ?entry <${cg('graphName')}> ?graph ; <${cg('sourceFile')}> ?file ; <${cg('byteSize')}> ?size } }`,
      [catalogIri],
    );
  } catch (error) {
    throw new ConfigError(`STORE=sparql: cannot read the store's catalog at SPARQL_QUERY_URL: ${(error as Error).message}`, undefined, { cause: error });
  }
  const versions = [...new Set(rows.map((r) => r.version?.value))];
  if (rows.length === 0 || versions.length !== 1) {
    throw new ConfigError(`STORE=sparql: the store holds no casegraph dataset (no catalog graph <${catalogIri}>): load one with casegraph load --to sparql`);
  }
  const graphs = rows
    .map((r) => ({ iri: fromIri((r.graph as JsonTerm).value).value, file: (r.file as JsonTerm).value, size: Number((r.size as JsonTerm).value) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const counted = await ask(
    'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }',
    graphs.map((g) => g.iri),
  );
  return { version: versions[0] as string, graphs, size: Number(counted[0]?.n?.value ?? 0) };
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

/** Bound values go in as a trailing VALUES clause of RDF terms (serialised, never the caller's text). */
function withValues(query: string, bindings: Readonly<Record<string, Term>>): string {
  const names = Object.keys(bindings);
  for (const name of names) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new BadRequestError(`cannot bind ?${name}: not a variable name`);
  const values = names.map((name) => termToSparql(bindings[name] as Term)).join(' ');
  return `${query}\nVALUES (${names.map((n) => `?${n}`).join(' ')}) { (${values}) }`;
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
