// Turns a person's property values into the typed cells of a data extension answer (0.2 "Data Extension Service"): int, date, or str.
import type { PropertyValue } from './read-person-properties.js';
import { schema, xsd } from '../vocabulary/namespaces.js';

export type ExtensionCell = { readonly str: string } | { readonly int: number } | { readonly date: string };

const dayPrecision = /^-?\d{4}-\d{2}-\d{2}$/;

/**
 * A day-precise date becomes a `date` cell (the spec wants date and time; midnight UTC stands for the day); a
 * year or month stays a `str` as stated ("2012-03"), never padded to a day no source gives. An IRI with a label
 * gives its label; schema.org enumeration members (gender) their local name; links and URLs their address.
 */
export function extensionCell({ term, label }: PropertyValue): ExtensionCell {
  if (term.termType === 'Literal') {
    if (term.datatype.value === xsd('integer') && /^[+-]?\d+$/.test(term.value)) return { int: Number(term.value) };
    if (term.datatype.value === xsd('date') && dayPrecision.test(term.value)) return { date: `${term.value}T00:00:00Z` };
    return { str: term.value };
  }
  if (label !== undefined) return { str: label };
  if (term.value.startsWith(schema.iri)) return { str: term.value.slice(schema.iri.length).toLowerCase() };
  return { str: term.value };
}
