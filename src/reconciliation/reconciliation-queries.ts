// Picks the SPARQL behind /reconcile out of the saved-query catalog (queries/reconciliation/*.rq), checked at startup.
import { DataError } from '../errors/casegraph-error.js';
import type { QueryCatalog } from '../queries/index.js';

export const reconciliationQueryNames = ['person-names', 'person-properties'] as const;

export type ReconciliationQueries = Readonly<Record<(typeof reconciliationQueryNames)[number], string>>;

/** A missing or non-SELECT file stops startup naming it. */
export function reconciliationQueries(catalog: QueryCatalog): ReconciliationQueries {
  const entries = reconciliationQueryNames.map((name) => {
    const query = catalog.get(`reconciliation/${name}`);
    if (!query) throw new DataError('missing: /reconcile needs this saved query', { file: `queries/reconciliation/${name}.rq` });
    if (query.form !== 'select') throw new DataError('must be a SELECT query', { file: query.file, line: 1 });
    return [name, query.text] as const;
  });
  return Object.fromEntries(entries) as ReconciliationQueries;
}
