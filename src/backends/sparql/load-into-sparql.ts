// `casegraph load --to sparql`: the dataset's graphs into a SPARQL store under a version of their own, then one switch to serve them.
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import type { Config, SparqlStoreConfig } from '../../config/load-config.js';
import { ConfigError, StoreUnavailableError } from '../../errors/casegraph-error.js';
import { readDataset } from '../../dataset/read-dataset.js';
import type { LoadedGraph } from '../../store/graph-store.js';
import { SparqlClient } from './sparql-client.js';
import { SparqlUpdateClient } from './sparql-update-client.js';
import { catalogQuads, readStoreCatalog, storeLayout, type SelectRows, type StoredGraph } from './store-catalog.js';
import { termToSparql, type JsonTerm } from './sparql-terms.js';

export interface LoadReport {
  readonly version: string;
  /** The version served before, kept for replicas still running on it; undefined on a first load. */
  readonly previous: string | undefined;
  readonly graphs: number;
  readonly quads: number;
  /** False when the store already served this version: nothing was written. */
  readonly loaded: boolean;
  /** Versions older than the previous one, dropped after the switch. */
  readonly dropped: readonly string[];
}

/** Triples per INSERT DATA request: small enough for any server's request limits, large enough to load 1M triples in minutes. */
const chunkSize = 2_000;

/**
 * Reads ontology and data as the embedded store does (derived graphs included), writes every graph under
 * `{base}store/{version}/…`, writes the version's catalog, checks each graph's count through the query endpoint,
 * then flips the served version in `{base}store/catalog` with one update. Until that flip the store serves the
 * previous version untouched, so a load stopped at any point leaves it served; loading the same version again
 * starts its graphs afresh. SHACL validation is the caller's (the CLI runs it first).
 */
export async function loadIntoSparql(config: Config, onProgress: (line: string) => void = () => undefined): Promise<LoadReport> {
  const settings = config.sparql as SparqlStoreConfig;
  if (!settings.updateUrl) throw new ConfigError('casegraph load --to sparql needs SPARQL_UPDATE_URL, the store’s authenticated update endpoint');
  const updates = new SparqlUpdateClient({
    url: settings.updateUrl,
    user: settings.user,
    password: settings.password,
    timeoutMs: Math.max(config.queryTimeoutMs, 120_000),
  });
  const reader = new SparqlClient(settings.queryUrl, settings.maxBytes);
  const select = async (query: string, graphs: readonly string[]) => {
    const answer = await reader.send({
      query,
      defaultGraphs: graphs,
      namedGraphs: graphs,
      accept: 'application/sparql-results+json',
      timeoutMs: config.queryTimeoutMs,
    });
    return (JSON.parse(answer.body) as { results?: { bindings?: Array<Record<string, JsonTerm>> } }).results?.bindings ?? [];
  };

  const dataset = readDataset({ root: config.root, dirs: config.dataDirs, baseIri: config.baseIri });
  const byGraph = new Map<string, Quad[]>();
  const quads = dataset.quads();
  let step = quads.next();
  while (step.done !== true) {
    const q = step.value;
    const list = byGraph.get(q.graph.value) ?? [];
    list.push(q);
    byGraph.set(q.graph.value, list);
    step = quads.next();
  }
  const graphs: readonly LoadedGraph[] = step.value;
  const version = dataset.version;
  const layout = storeLayout(config.baseIri, version);
  const served = await readStoreCatalog(select, config.baseIri);
  const total = graphs.reduce((n, g) => n + (byGraph.get(g.iri)?.length ?? 0), 0);
  if (served?.version === version) {
    onProgress(`version ${version} is already served (${served.graphs.length} graphs); nothing to load`);
    return { version, previous: served.version, graphs: graphs.length, quads: total, loaded: false, dropped: [] };
  }

  const stored: StoredGraph[] = graphs.map((g) => ({ ...g, stored: layout.storedName(g.iri) }));
  let done = 0;
  for (const [i, g] of stored.entries()) {
    const list = byGraph.get(g.iri) ?? [];
    // A graph left half-written by a stopped load of this same version starts afresh.
    await updates.update(`DROP SILENT GRAPH <${g.stored}>`);
    for (const chunk of chunks(list)) await updates.update(insertData(g.stored, chunk));
    done += list.length;
    onProgress(`graph ${i + 1}/${stored.length} ${g.file}: ${list.length} quads (${done}/${total})`);
  }
  await updates.update(`DROP SILENT GRAPH <${layout.catalog}>`);
  await updates.update(insertData(layout.catalog, catalogQuads(config.baseIri, version, stored, total)));

  // What the store holds must be what was sent before it is served: a server that dropped triples stops the load here.
  for (const g of stored) {
    const rows = await select(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${g.stored}> { ?s ?p ?o } }`, [g.stored]);
    const found = Number(rows[0]?.n?.value ?? -1);
    const expected = new Set((byGraph.get(g.iri) ?? []).map((q) => `${termToSparql(q.subject)} ${termToSparql(q.predicate)} ${termToSparql(q.object)}`)).size;
    if (found !== expected) {
      throw new StoreUnavailableError(`the store holds ${found} triples in ${g.file}'s graph, ${expected} were loaded; the previous version stays served`);
    }
  }

  const t = layout.terms;
  // One request: delete the old pointer and insert the new one. The served version changes here and only here.
  await updates.update(
    `DELETE WHERE { GRAPH <${layout.pointer}> { <${layout.pointer}> <${t('servedVersion')}> ?version } } ;\n` +
      `INSERT DATA { GRAPH <${layout.pointer}> { <${layout.pointer}> <${t('servedVersion')}> ${termToSparql(DataFactory.literal(version))} } }`,
  );
  onProgress(`serving version ${version}${served ? ` (was ${served.version})` : ''}`);

  // Replicas started on the previous version keep it until they restart; older versions go.
  const keep = new Set([version, ...(served ? [served.version] : [])]);
  const dropped: string[] = [];
  for (const old of await listedVersions(select, config.baseIri)) {
    if (keep.has(old)) continue;
    const oldLayout = storeLayout(config.baseIri, old);
    const names = await select(`SELECT ?stored WHERE { GRAPH <${oldLayout.catalog}> { ?entry <${t('storedAs')}> ?stored } }`, [oldLayout.catalog]);
    for (const row of names) if (row.stored) await updates.update(`DROP SILENT GRAPH <${row.stored.value}>`);
    await updates.update(`DROP SILENT GRAPH <${oldLayout.catalog}>`);
    dropped.push(old);
    onProgress(`dropped version ${old}`);
  }
  return { version, previous: served?.version, graphs: stored.length, quads: total, loaded: true, dropped };
}

/** Every version with a catalog in the store (found through each catalog's own graph name). */
async function listedVersions(select: SelectRows, baseIri: string): Promise<string[]> {
  const t = storeLayout(baseIri, '').terms;
  // No dataset given: the server's whole store, where the catalogs of earlier loads are.
  const rows = await select(`SELECT DISTINCT ?version WHERE { GRAPH ?catalog { ?catalog <${t('datasetVersion')}> ?version } }`, []);
  return rows.map((r) => r.version?.value).filter((v): v is string => v !== undefined);
}

/**
 * The quads in requests of at most chunkSize triples. A blank node is one node only within one INSERT DATA, so
 * every triple that holds one goes in a single request of its own.
 */
function* chunks(quads: readonly Quad[]): Generator<Quad[]> {
  const plain = quads.filter((q) => q.subject.termType !== 'BlankNode' && q.object.termType !== 'BlankNode');
  const blank = quads.filter((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode');
  for (let i = 0; i < plain.length; i += chunkSize) yield plain.slice(i, i + chunkSize);
  if (blank.length > 0) yield blank;
}

/**
 * INSERT DATA for ground triples; triples with blank nodes go in an INSERT template over the one empty solution
 * (SPARQL 1.1 Update allows blank nodes in INSERT DATA, but Virtuoso refuses them there): a template's blank node
 * is one fresh node for the solution, the same in every triple of the request.
 */
function insertData(graph: string, quads: readonly Quad[]): string {
  const lines = quads.map((q) => `${blankTerm(q.subject)} ${termToSparql(q.predicate)} ${blankTerm(q.object)} .`);
  const body = `GRAPH <${graph}> {\n${lines.join('\n')}\n}`;
  return quads.some((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode') ? `INSERT { ${body} } WHERE {}` : `INSERT DATA { ${body} }`;
}

/** A blank node is written `_:label`: a fresh node per request, the same within it. */
function blankTerm(term: Quad['subject'] | Quad['object']): string {
  return term.termType === 'BlankNode' ? `_:${term.value.replace(/[^A-Za-z0-9_]/g, '_')}` : termToSparql(term);
}
