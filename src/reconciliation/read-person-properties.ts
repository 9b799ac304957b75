// One person's values for the properties a reconciliation client can constrain a match by or pull into its sheet.
import type { NamedNode, Term } from '@rdfjs/types';
import type { GraphStore } from '../store/graph-store.js';
import type { ReconciliationQueries } from './reconciliation-queries.js';

/** The properties person-properties.rq answers, as the manifest, suggest and propose_properties name them. */
export const personProperties = [
  { id: 'name', name: 'Name', description: 'The name the sources state' },
  { id: 'alternateName', name: 'Alternative name', description: 'Another name or spelling a cited source gives' },
  { id: 'gender', name: 'Gender', description: 'Gender as the sources state it' },
  { id: 'statedAge', name: 'Stated age', description: 'Age in years as a source states it, at the time the source wrote' },
  { id: 'ethnicity', name: 'Ethnicity', description: 'Ethnicity as the sources state it' },
  { id: 'birthDate', name: 'Birth date', description: 'Date of birth, where a source states it (constrain by year with birthYear)' },
  { id: 'charge', name: 'Charge', description: 'A charge in the person’s case' },
  { id: 'sentence', name: 'Sentence', description: 'The sentence type in the person’s case' },
  { id: 'prison', name: 'Prison', description: 'Where the person is held' },
  { id: 'place', name: 'Place', description: 'The prison and every place it lies in (to constrain a match, e.g. by city)' },
  { id: 'arrestDate', name: 'Arrest date', description: 'Date of arrest, with the precision the source gives' },
  { id: 'trialDate', name: 'Trial date', description: 'Date of trial, with the precision the source gives' },
  { id: 'sentencingDate', name: 'Sentencing date', description: 'Date of sentencing, with the precision the source gives' },
  { id: 'source', name: 'Source', description: 'A source the person’s record is derived from' },
  { id: 'sourceUrl', name: 'Source URL', description: 'The web address of such a source, where known' },
  { id: 'sameAs', name: 'Same as', description: 'The same person elsewhere (owl:sameAs), only where a cited source states the identifier' },
] as const;

/** Constraint-only: the year of birthDate. */
export const constraintOnlyProperties = [{ id: 'birthYear', name: 'Birth year', description: 'Year of birth (four digits)' }] as const;

export type PersonPropertyId = (typeof personProperties)[number]['id'];

export interface PropertyValue {
  readonly term: Term;
  /** The value's label, for an IRI that has one. */
  readonly label: string | undefined;
}

export type PersonPropertyValues = ReadonlyMap<string, readonly PropertyValue[]>;

const order = (a: PropertyValue, b: PropertyValue) => {
  const x = `${a.label ?? ''}\u0000${a.term.value}`;
  const y = `${b.label ?? ''}\u0000${b.term.value}`;
  return x < y ? -1 : x > y ? 1 : 0;
};

export async function readPersonProperties(store: GraphStore, queries: ReconciliationQueries, person: NamedNode): Promise<PersonPropertyValues> {
  const result = await store.query({ query: queries['person-properties'], bindings: { _person_iri: person } });
  if (result.kind !== 'bindings') throw new Error('person-properties.rq must be a SELECT query');
  if (result.truncated) throw new Error('person-properties.rq was cut at the result cap; raise MAX_RESULTS');
  const values = new Map<string, PropertyValue[]>();
  const seen = new Set<string>();
  for (const row of result.rows) {
    const property = row.property?.value;
    const term = row.value;
    if (!property || !term) continue;
    const key = `${property}\u0000${term.termType}\u0000${term.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = values.get(property) ?? [];
    list.push({ term, label: row.valueLabel?.value });
    values.set(property, list);
  }
  for (const list of values.values()) list.sort(order);
  return values;
}
