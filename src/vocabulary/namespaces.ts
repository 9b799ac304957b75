// The one place where IRIs are written: well-known vocabularies and casegraph's own, base-relative namespaces.

/** A namespace: call it with a local name to get a full IRI string. */
export type Namespace = ((local: string) => string) & { readonly iri: string };

export function namespace(iri: string): Namespace {
  const ns = (local: string): string => iri + local;
  return Object.assign(ns, { iri });
}

export const rdf = namespace('http://www.w3.org/1999/02/22-rdf-syntax-ns#');
export const rdfs = namespace('http://www.w3.org/2000/01/rdf-schema#');
export const owl = namespace('http://www.w3.org/2002/07/owl#');
export const xsd = namespace('http://www.w3.org/2001/XMLSchema#');
export const skos = namespace('http://www.w3.org/2004/02/skos/core#');
export const schema = namespace('https://schema.org/');
export const prov = namespace('http://www.w3.org/ns/prov#');
export const dct = namespace('http://purl.org/dc/terms/');
export const foaf = namespace('http://xmlns.com/foaf/0.1/');
export const sh = namespace('http://www.w3.org/ns/shacl#');
export const sd = namespace('http://www.w3.org/ns/sparql-service-description#');
export const voidNs = namespace('http://rdfs.org/ns/void#');
export const dcat = namespace('http://www.w3.org/ns/dcat#');
export const formats = namespace('http://www.w3.org/ns/formats/');
/** W3C CSV on the Web: the terms of table metadata. */
export const csvw = namespace('http://www.w3.org/ns/csvw#');
export const wd = namespace('http://www.wikidata.org/entity/');
/** The SPARQL Query Results XML Format's element namespace. */
export const sparqlResults = namespace('http://www.w3.org/2005/sparql-results#');
export const entailment = namespace('http://www.w3.org/ns/entailment/');
/** SPDX terms, which DCAT 3 uses for checksums of distributions. */
export const spdx = namespace('http://spdx.org/rdf/terms#');
/** IANA media types as IRIs, DCAT's recommended values of dcat:mediaType. */
export const ianaMediaTypes = namespace('https://www.iana.org/assignments/media-types/');
/** The JSON Schema dialect OpenAPI 3.1 documents declare. */
export const jsonSchemaDialect = 'https://json-schema.org/draft/2020-12/schema';
/** The license of casegraph's data (stated in data/dataset.ttl and the README). */
export const dataLicense = 'https://creativecommons.org/licenses/by/4.0/';
/** Wikidata items: owl:sameAs targets, accepted only with a cited source stating the QID (data/links/). */
export const wikidataEntityPattern = /^http:\/\/www\.wikidata\.org\/entity\/Q[1-9][0-9]*$/;

/** Prefixes offered to writers and editors, in a stable order. */
export const wellKnownPrefixes: Readonly<Record<string, string>> = {
  rdf: rdf.iri,
  rdfs: rdfs.iri,
  owl: owl.iri,
  xsd: xsd.iri,
  skos: skos.iri,
  schema: schema.iri,
  prov: prov.iri,
  dct: dct.iri,
  foaf: foaf.iri,
  sh: sh.iri,
};

/**
 * casegraph's own namespaces. They hang off the deployment's BASE_IRI, so data files write
 * them as relative IRIs (`<ontology#>`, `<id/person/>`) and never name a host.
 */
export interface CasegraphNamespaces {
  readonly base: string;
  /** Ontology terms: `{base}ontology#Arrest`. */
  readonly cg: Namespace;
  /** Resource identifiers: `{base}id/person/gulmire-imin`. */
  readonly id: Namespace;
  /** One named graph per loaded file: `{base}graph/data/cases/gulmire-imin`. */
  readonly graph: Namespace;
  /** Prefixes for writers, including the base-relative ones. */
  readonly prefixes: Readonly<Record<string, string>>;
}

/** Relative paths of casegraph's namespaces, resolved against BASE_IRI. */
/** The deployment base when BASE_IRI is not set: the server's own default address. */
export const defaultBaseIri = 'http://localhost:3000/';

export const relativeNamespaces = {
  cg: 'ontology#',
  id: 'id/',
  graph: 'graph/',
  /** The SPARQL endpoint, `{base}sparql`: what its Service Description names as sd:endpoint. */
  sparqlEndpoint: 'sparql',
  /** The ontology document: every `{base}ontology#X` term dereferences to it. */
  ontologyDocument: 'ontology',
  /** The published JSON-LD context of casegraph's documents and dumps. */
  jsonLdContext: 'context.jsonld',
  /** The published JSON-LD frames of the person documents: `{base}frames/person.jsonld`. */
  frames: 'frames/',
  /** The saved research queries: `{base}api/queries/{name}`. */
  savedQueries: 'api/queries',
  /** Person documents (JSON-LD): `{base}api/persons/{id}`. */
  personsApi: 'api/persons',
  /** Downloads of the whole graph. */
  dumps: 'dumps/',
  /** The VoID/DCAT dataset description. */
  datasetDescription: '.well-known/void',
  /** The W3C Entity Reconciliation Service (OpenRefine): manifest, match and extend at `{base}reconcile`. */
  reconcile: 'reconcile',
  /** Tidy CSV tables: `{base}api/tables/{name}.csv`. */
  tables: 'api/tables/',
  /** CSV on the Web's site-wide location templates (W3C CSVW, "Locating metadata"). */
  csvm: '.well-known/csvm',
  /** Persons' identifiers: `{base}id/person/{id}`. */
  person: 'id/person/',
  /** The dataset as a resource (data/dataset.ttl). */
  dataset: 'id/dataset/casegraph',
  /** Derived at load time (src/dataset/graph-deriver.ts): cg:earliestDate / cg:latestDate of every dct:date. */
  dateIntervalsGraph: 'graph/derived/date-intervals',
  /** Derived at load time: the RDFS sub-class and sub-property closure of the ontology (ontology/ only). */
  entailmentGraph: 'graph/derived/entailment',
  /**
   * The named graph in a remote SPARQL store that records which dataset version it holds and the graph of each
   * file (written by `casegraph load --to sparql`, read by the sparql backend); never one of the served graphs.
   */
  storeCatalog: 'store/catalog',
  /**
   * Where a remote SPARQL store keeps one dataset version: its graphs under `{base}store/{version}/graph/…` and their
   * list in `{base}store/{version}/catalog`, so a new version loads beside the served one and replaces it in one step.
   */
  storeVersions: 'store/',
  /** The catalog's own terms (internal to a remote store, never served): `{base}store/terms#servedVersion`. */
  storeTerms: 'store/terms#',
} as const;

export function casegraphNamespaces(base: string): CasegraphNamespaces {
  const cg = namespace(base + relativeNamespaces.cg);
  const id = namespace(base + relativeNamespaces.id);
  const graph = namespace(base + relativeNamespaces.graph);
  return {
    base,
    cg,
    id,
    graph,
    prefixes: { ...wellKnownPrefixes, cg: cg.iri, id: id.iri },
  };
}

/**
 * Put in a SPARQL result's head `link` (a standard member of the JSON and XML result formats) when the
 * answer was cut at the result cap; the README's "Query limits" section documents it.
 */
export function truncatedResultLink(base: string): string {
  return `${base}sparql#truncated`;
}
