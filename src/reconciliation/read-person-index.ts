// Reads every person's names once per dataset version, through the store port, for the matcher and the suggest service.
import type { Term } from '@rdfjs/types';
import type { GraphStore } from '../store/graph-store.js';
import { casegraphNamespaces, relativeNamespaces } from '../vocabulary/namespaces.js';
import type { ReconciliationQueries } from './reconciliation-queries.js';

export interface IndexedPerson {
  /** The short id (slug), the reconciliation service's entity id: `gulmire-imin`. */
  readonly id: string;
  readonly iri: string;
  /** What a candidate is called: the first stated name, else the label, else the id. */
  readonly name: string;
  /** Names the data states (schema:name, schema:alternateName, skos:altLabel); empty when none is stated. */
  readonly names: readonly string[];
  /** The person's cases, to tell namesakes apart. */
  readonly description: string;
}

export interface PersonIndex {
  readonly persons: readonly IndexedPerson[];
  readonly byId: ReadonlyMap<string, IndexedPerson>;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function readPersonIndex(store: GraphStore, queries: ReconciliationQueries): Promise<PersonIndex> {
  const result = await store.query({ query: queries['person-names'] });
  if (result.kind !== 'bindings') throw new Error('person-names.rq must be a SELECT query');
  // A cut list would leave people unmatchable without anyone noticing.
  if (result.truncated) throw new Error('person-names.rq was cut at the result cap; raise MAX_RESULTS');
  const prefix = casegraphNamespaces(store.baseIri).base + relativeNamespaces.person;
  const found = new Map<string, { labels: Set<string>; names: Set<string>; cases: Set<string> }>();
  const add = (set: Set<string>, term: Term | undefined) => term && set.add(term.value);
  for (const row of result.rows) {
    const iri = row.person?.value;
    // Only persons with an id of their own can be answered by id (the view, preview and extend services).
    if (!iri?.startsWith(prefix)) continue;
    let entry = found.get(iri);
    if (!entry) found.set(iri, (entry = { labels: new Set(), names: new Set(), cases: new Set() }));
    add(entry.labels, row.label);
    add(entry.names, row.name);
    add(entry.cases, row.caseLabel);
  }
  const persons = [...found.entries()]
    .map(([iri, entry]): IndexedPerson => {
      const names = [...entry.names].sort(byText);
      const id = iri.slice(prefix.length);
      return { id, iri, name: names[0] ?? [...entry.labels].sort(byText)[0] ?? id, names, description: [...entry.cases].sort(byText).join('; ') };
    })
    .sort((a, b) => byText(a.id, b.id));
  return { persons, byId: new Map(persons.map((p) => [p.id, p])) };
}
