// Maps a source of the graph to a CSL-JSON item, with only the fields the source states.
import type { CslItem } from '@citation-js/core';
import type { SourceSummary } from './person-claims.js';

/**
 * `document` is CSL's generic type: the graph does not say whether a source is an article, a web page or a
 * broadcast, so no more specific type is claimed. A source without a stated title is cited by casegraph's
 * label in square brackets, the usual mark of a supplied description, and a note says so.
 */
export function sourceToCsl(source: SourceSummary): CslItem {
  const slug = sourceSlug(source.iri);
  const item: Record<string, unknown> = {
    id: slug,
    // Citation.js takes a BibTeX key only if it has no punctuation but '_'.
    'citation-key': slug.replace(/-/g, '_'),
    type: 'document',
  };
  if (source.title !== null) item.title = source.title;
  else if (source.label !== null) {
    item.title = `[${source.label}]`;
    item.note = 'Title not stated; bracketed description supplied by casegraph.';
  }
  if (source.publisher !== null) item.publisher = source.publisher;
  // CSL's `number` is where a report's or a UN document's number goes (A/HRC/33/66).
  if (source.identifier !== null) item.number = source.identifier;
  if (source.partOf !== null) item['container-title'] = source.partOf;
  if (source.date !== null) item.issued = { 'date-parts': [source.date.value.split('-').map(Number)] };
  if (source.url !== null) item.URL = source.url;
  return item as CslItem;
}

/** The IRI's last segment (`rfa-2010-uyghur-web-moderators-get-life`): a stable, readable key. */
export function sourceSlug(iri: string): string {
  return iri.slice(iri.lastIndexOf('/') + 1);
}
