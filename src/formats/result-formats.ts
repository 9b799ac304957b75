// The registry of answer formats: media type, `format=` name, the result kinds each serves, and its serialiser.
import type { Representation } from './representation.js';
import type { QueryResult } from '../store/graph-store.js';
import { casegraphNamespaces, formats } from '../vocabulary/namespaces.js';
import type { ResultKind } from '../engine/query-analyzer.js';
import { serializeJsonLd } from './serialize-jsonld.js';
import { serializeRdf } from './serialize-rdf.js';
import { serializeRdfXml } from './serialize-rdf-xml.js';
import { serializeSparqlCsv } from './serialize-sparql-csv.js';
import { serializeSparqlJson } from './serialize-sparql-json.js';
import { serializeSparqlTsv } from './serialize-sparql-tsv.js';
import { serializeSparqlXml } from './serialize-sparql-xml.js';

export interface SerializeContext {
  /** The deployment's BASE_IRI: the truncation link hangs off it. */
  readonly baseIri: string;
  /** Prefixes for Turtle, TriG and the JSON-LD context. */
  readonly prefixes: Readonly<Record<string, string>>;
}

export type FormatName = 'json' | 'xml' | 'csv' | 'tsv' | 'turtle' | 'ntriples' | 'nquads' | 'trig' | 'jsonld' | 'rdfxml';

export interface ResultFormat extends Representation {
  /** Short name for `format=` and `--format`. */
  readonly name: FormatName;
  /** The media type answered with (without charset); the first of `aliases` it is also chosen for. */
  readonly mediaType: string;
  /** Other media types clients send for the same format. */
  readonly aliases: readonly string[];
  readonly kinds: readonly ResultKind[];
  /** The format's IRI in the W3C formats namespace, for the service description. */
  readonly formatIri: string;
  serialize(result: QueryResult, context: SerializeContext): Promise<string>;
}

const selectOrAsk: readonly ResultKind[] = ['bindings', 'boolean'];
const graphs: readonly ResultKind[] = ['quads'];

/** In order of preference per kind: the first that serves a kind is its default (JSON for SELECT/ASK, Turtle for graphs). */
export const resultFormats: readonly ResultFormat[] = [
  {
    name: 'json',
    formatIri: formats('SPARQL_Results_JSON'),
    mediaType: 'application/sparql-results+json',
    aliases: ['application/json'],
    kinds: selectOrAsk,
    serialize: async (r, c) => serializeSparqlJson(r, c),
  },
  {
    name: 'xml',
    formatIri: formats('SPARQL_Results_XML'),
    mediaType: 'application/sparql-results+xml',
    aliases: ['application/xml', 'text/xml'],
    kinds: selectOrAsk,
    serialize: async (r, c) => serializeSparqlXml(r, c),
  },
  {
    name: 'csv',
    formatIri: formats('SPARQL_Results_CSV'),
    mediaType: 'text/csv',
    aliases: [],
    kinds: selectOrAsk,
    serialize: async (r) => serializeSparqlCsv(r),
  },
  {
    name: 'tsv',
    formatIri: formats('SPARQL_Results_TSV'),
    mediaType: 'text/tab-separated-values',
    aliases: [],
    kinds: selectOrAsk,
    serialize: async (r) => serializeSparqlTsv(r),
  },
  {
    name: 'turtle',
    formatIri: formats('Turtle'),
    mediaType: 'text/turtle',
    aliases: ['application/x-turtle'],
    kinds: graphs,
    serialize: (r, c) => serializeRdf(r, c, 'Turtle'),
  },
  {
    name: 'ntriples',
    formatIri: formats('N-Triples'),
    mediaType: 'application/n-triples',
    aliases: ['text/plain'],
    kinds: graphs,
    serialize: (r, c) => serializeRdf(r, c, 'N-Triples'),
  },
  {
    name: 'nquads',
    formatIri: formats('N-Quads'),
    mediaType: 'application/n-quads',
    aliases: [],
    kinds: graphs,
    serialize: (r, c) => serializeRdf(r, c, 'N-Quads'),
  },
  { name: 'trig', formatIri: formats('TriG'), mediaType: 'application/trig', aliases: [], kinds: graphs, serialize: (r, c) => serializeRdf(r, c, 'TriG') },
  // JSON-LD is the JSON form of a graph: a client that accepts only application/json gets it for a CONSTRUCT.
  {
    name: 'jsonld',
    formatIri: formats('JSON-LD'),
    mediaType: 'application/ld+json',
    aliases: ['application/json'],
    kinds: graphs,
    serialize: (r, c) => serializeJsonLd(r, c),
  },
  {
    name: 'rdfxml',
    formatIri: formats('RDF_XML'),
    mediaType: 'application/rdf+xml',
    aliases: [],
    kinds: graphs,
    serialize: async (r, c) => serializeRdfXml(r, c),
  },
];

/** The format a `format=` name stands for, if any. */
export function findResultFormat(name: string): ResultFormat | undefined {
  return resultFormats.find((format) => format.name === name);
}

/** The formats that can carry a result kind, default first. */
export function formatsFor(kind: ResultKind): ResultFormat[] {
  return resultFormats.filter((format) => format.kinds.includes(kind));
}

/** The context casegraph serialises with by default: its own prefixes under the deployment base. */
export function serializeContext(baseIri: string): SerializeContext {
  return { baseIri, prefixes: casegraphNamespaces(baseIri).prefixes };
}
