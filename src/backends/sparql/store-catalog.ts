// The catalog a remote store keeps of the dataset versions loaded into it: which version is served, and each version's graphs.
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import type { LoadedGraph } from '../../store/graph-store.js';
import { namespace, relativeNamespaces, xsd } from '../../vocabulary/namespaces.js';
import type { JsonTerm } from './sparql-terms.js';

const { namedNode, literal, quad } = DataFactory;

/** One of our graphs as a remote store holds it: its public name (what queries and answers show) and its stored name. */
export interface StoredGraph extends LoadedGraph {
  readonly stored: string;
}

export interface StoreCatalog {
  readonly version: string;
  /** Quads in the version's graphs. */
  readonly size: number;
  readonly graphs: readonly StoredGraph[];
}

/** Where version `version` lives in a store: its catalog graph and the stored name of each of our graphs. */
export function storeLayout(baseIri: string, version: string) {
  const root = `${baseIri}${relativeNamespaces.storeVersions}${encodeURIComponent(version)}/`;
  return {
    /** The graph that says which version is served: the one switch a load flips. */
    pointer: baseIri + relativeNamespaces.storeCatalog,
    catalog: `${root}catalog`,
    /** `{base}graph/data/x` is stored as `{base}store/{version}/graph/data/x`: versions never share a graph. */
    storedName: (publicIri: string): string =>
      publicIri.startsWith(baseIri) ? root + publicIri.slice(baseIri.length) : `${root}external/${encodeURIComponent(publicIri)}`,
    terms: namespace(baseIri + relativeNamespaces.storeTerms),
  };
}

/** The version catalog's triples (written in its own graph by the loader). */
export function catalogQuads(baseIri: string, version: string, graphs: readonly StoredGraph[], size: number): Quad[] {
  const layout = storeLayout(baseIri, version);
  const t = layout.terms;
  const catalog = namedNode(layout.catalog);
  const out: Quad[] = [
    quad(catalog, namedNode(t('datasetVersion')), literal(version)),
    quad(catalog, namedNode(t('size')), literal(String(size), namedNode(xsd('integer')))),
  ];
  graphs.forEach((g, i) => {
    const entry = namedNode(`${layout.catalog}#graph-${i}`);
    out.push(
      quad(catalog, namedNode(t('graph')), entry),
      quad(entry, namedNode(t('position')), literal(String(i), namedNode(xsd('integer')))),
      quad(entry, namedNode(t('name')), namedNode(g.iri)),
      quad(entry, namedNode(t('storedAs')), namedNode(g.stored)),
      quad(entry, namedNode(t('file')), literal(g.file)),
      quad(entry, namedNode(t('quads')), literal(String(g.size), namedNode(xsd('integer')))),
    );
    if (g.derived === true) out.push(quad(entry, namedNode(t('derived')), literal('true', namedNode(xsd('boolean')))));
  });
  return out;
}

export type SelectRows = (query: string, graphs: readonly string[]) => Promise<Array<Record<string, JsonTerm>>>;

/** The served version's catalog, or undefined when the store holds no casegraph dataset. */
export async function readStoreCatalog(select: SelectRows, baseIri: string): Promise<StoreCatalog | undefined> {
  const pointer = storeLayout(baseIri, '').pointer;
  const t = storeLayout(baseIri, '').terms;
  const served = await select(`SELECT ?version WHERE { GRAPH <${pointer}> { <${pointer}> <${t('servedVersion')}> ?version } }`, [pointer]);
  const versions = [...new Set(served.map((r) => r.version?.value).filter((v): v is string => v !== undefined))];
  if (versions.length !== 1) return undefined;
  const version = versions[0] as string;
  const layout = storeLayout(baseIri, version);
  const rows = await select(
    `SELECT ?size ?position ?name ?stored ?file ?quads ?derived WHERE { GRAPH <${layout.catalog}> {
       <${layout.catalog}> <${t('size')}> ?size ; <${t('graph')}> ?entry .
       ?entry <${t('position')}> ?position ; <${t('name')}> ?name ; <${t('storedAs')}> ?stored ; <${t('file')}> ?file ; <${t('quads')}> ?quads .
       OPTIONAL { ?entry <${t('derived')}> ?derived } } }`,
    [layout.catalog],
  );
  if (rows.length === 0) return undefined;
  const graphs = rows
    .map((r) => ({ position: Number(r.position?.value), row: r }))
    .sort((a, b) => a.position - b.position)
    .map(({ row }): StoredGraph => {
      const derived = row.derived?.value === 'true' || row.derived?.value === '1';
      return {
        iri: (row.name as JsonTerm).value,
        file: (row.file as JsonTerm).value,
        size: Number((row.quads as JsonTerm).value),
        ...(derived ? { derived: true } : {}),
        stored: (row.stored as JsonTerm).value,
      };
    });
  return { version, size: Number(rows[0]?.size?.value ?? 0), graphs };
}
