// The data representations of a dereferenced IRI (Turtle, JSON-LD, N-Triples) and the suffix each has.
import jsonld from 'jsonld';
import type { Quad } from '@rdfjs/types';
import type { Representation } from '../http/choose-representation.js';
import { expandQuads } from './expand-quads.js';
import { offlineDocumentLoader } from '../formats/offline-document-loader.js';
import { serializeContext } from '../formats/result-formats.js';
import { serializeRdf } from '../formats/serialize-rdf.js';
import { canonicalQuads } from './canonical-quads.js';
import { contextDocument, contextUrl } from './linked-data-context.js';

export interface ResourceFormat extends Representation {
  readonly name: 'html' | 'turtle' | 'jsonld' | 'ntriples';
  readonly mediaType: string;
  /** Appended to the IRI's path for links that cannot set Accept: `/id/person/gulmire-imin.ttl`. */
  readonly suffix: string;
  readonly label: string;
}

/** In the server's order of preference: a client that accepts anything (`*\/*`) gets Turtle; browsers ask for HTML. */
export const resourceFormats: readonly ResourceFormat[] = [
  { name: 'turtle', mediaType: 'text/turtle', suffix: '.ttl', label: 'Turtle' },
  { name: 'html', mediaType: 'text/html', suffix: '.html', label: 'HTML' },
  { name: 'jsonld', mediaType: 'application/ld+json', suffix: '.jsonld', label: 'JSON-LD' },
  { name: 'ntriples', mediaType: 'application/n-triples', suffix: '.nt', label: 'N-Triples' },
];

/** The format a path's suffix names, and the path without it. */
export function splitSuffix(path: string): { format: ResourceFormat; stem: string } | undefined {
  const format = resourceFormats.find((f) => path.endsWith(f.suffix));
  return format ? { format, stem: path.slice(0, -format.suffix.length) } : undefined;
}

/** Triples as Turtle, N-Triples or JSON-LD compacted with the published context (referenced by URL, loaded offline). */
export async function serializeTriples(input: readonly Quad[], format: ResourceFormat, baseIri: string): Promise<string> {
  const triples = await canonicalQuads(input, baseIri);
  const result = { kind: 'quads' as const, quads: triples, truncated: false };
  const context = serializeContext(baseIri);
  switch (format.name) {
    case 'turtle':
      return serializeRdf(result, context, 'Turtle');
    case 'ntriples':
      return serializeRdf(result, context, 'N-Triples');
    case 'jsonld':
      return `${JSON.stringify(await compactJsonLd(triples, baseIri), null, 2)}\n`;
    case 'html':
      throw new TypeError('HTML pages are rendered by the page modules, not serialised from triples');
  }
}

/** JSON-LD of any triples or quads: expanded, then compacted with the published context, which is never fetched. */
export async function compactJsonLd(quads: readonly Quad[], baseIri: string): Promise<Record<string, unknown>> {
  const url = contextUrl(baseIri);
  const documentLoader = offlineDocumentLoader({ [url]: contextDocument(baseIri) });
  const expanded = (await expandQuads(quads)) as jsonld.JsonLdDocument;
  // A context given by URL makes the output carry `"@context": url`; the loader hands over our own copy.
  const compacted = await jsonld.compact(expanded, url as unknown as jsonld.ContextDefinition, { documentLoader } as jsonld.Options.Compact);
  return compacted;
}
