// Picks the SPARQL behind the citation outputs out of the saved-query catalog (queries/citations/*.rq), checked at startup.
import { DataError } from '../errors/casegraph-error.js';
import type { QueryCatalog } from '../queries/index.js';

/**
 * Each file but working-group-categories (reference data, the same for every person) binds the person as
 * `?_person_iri` (a BASIL parameter), so the same files also answer in /api/queries.
 */
export const citationQueryNames = [
  'person-identity',
  'case-facts',
  'person-events',
  'event-facts',
  'claim-evidence',
  'person-sources',
  'person-disagreements',
  'working-group-categories',
] as const;

export type CitationQueryName = (typeof citationQueryNames)[number];
export type CitationQueries = Readonly<Record<CitationQueryName, string>>;

/** A missing or non-SELECT file stops startup naming it. */
export function citationQueries(catalog: QueryCatalog): CitationQueries {
  const entries = citationQueryNames.map((name) => {
    const query = catalog.get(`citations/${name}`);
    const file = `queries/citations/${name}.rq`;
    if (!query) throw new DataError('missing: the citation routes need this saved query', { file });
    if (query.form !== 'select') throw new DataError('must be a SELECT query', { file: query.file, line: 1 });
    return [name, query.text] as const;
  });
  return Object.fromEntries(entries) as CitationQueries;
}
