// Reads the Working Group on Arbitrary Detention's categories I to V and the source that defines them (reference data).
import type { GraphStore } from '../store/graph-store.js';
import type { WorkingGroupCategory } from '../citations/index.js';
import type { CitationQueries } from './citation-queries.js';
import { readSources } from './read-person-claims.js';

const romanOrder = ['I', 'II', 'III', 'IV', 'V'];

/** In the order I to V; a category without a definition or a source is not in the list. */
export async function readWorkingGroupCategories(store: GraphStore, queries: CitationQueries): Promise<WorkingGroupCategory[]> {
  const result = await store.query({ query: queries['working-group-categories'] });
  if (result.kind !== 'bindings') throw new Error('working-group-categories.rq must be a SELECT query');
  const sources = new Map(readSources(result.rows).map((s) => [s.iri, s]));
  const categories = new Map<string, WorkingGroupCategory>();
  for (const row of result.rows) {
    const iri = row.category?.value;
    const source = row.source ? sources.get(row.source.value) : undefined;
    if (!iri || !row.notation || !row.definition || !source || categories.has(iri)) continue;
    categories.set(iri, { iri, notation: row.notation.value, definition: row.definition.value, source });
  }
  return [...categories.values()].sort((a, b) => romanOrder.indexOf(a.notation) - romanOrder.indexOf(b.notation));
}
