// The REST API's flat row shape: one JSON object per row, lexical values, numbers and booleans as JSON, null when unbound.
import type { Term } from '@rdfjs/types';
import { xsd } from '../vocabulary/namespaces.js';

export type FlatValue = string | number | boolean | null;

const numeric = new Set(['integer', 'decimal', 'double', 'float', 'int', 'long', 'short', 'nonNegativeInteger', 'positiveInteger'].map((t) => xsd(t)));

/** IRIs and literals become their string value; xsd numbers and booleans become JSON numbers and booleans. */
export function flattenTerm(term: Term | undefined): FlatValue {
  if (!term) return null;
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  if (term.termType === 'Literal') {
    const datatype = term.datatype.value;
    if (numeric.has(datatype) && Number.isFinite(Number(term.value))) return Number(term.value);
    if (datatype === xsd('boolean')) return term.value === 'true' || term.value === '1';
  }
  return term.value;
}

export function flattenRow(variables: readonly string[], row: Readonly<Record<string, Term>>): Record<string, FlatValue> {
  return Object.fromEntries(variables.map((name) => [name, flattenTerm(row[name])]));
}
