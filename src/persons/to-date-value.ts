// Reads an xsd date literal as a date with its precision (day, month or year), never more precise than stated.
import type { Term } from '@rdfjs/types';
import { xsd } from '../vocabulary/namespaces.js';
import type { DatePrecision, DateValue } from '../citations/index.js';

const precisions: ReadonlyArray<readonly [string, DatePrecision, RegExp]> = [
  [xsd('date'), 'day', /^\d{4}-\d{2}-\d{2}$/],
  [xsd('gYearMonth'), 'month', /^\d{4}-\d{2}$/],
  [xsd('gYear'), 'year', /^\d{4}$/],
];

/** Null for anything that is not a well-formed xsd:date, xsd:gYearMonth or xsd:gYear literal. */
export function toDateValue(term: Term | undefined): DateValue | null {
  if (term?.termType !== 'Literal') return null;
  for (const [datatype, precision, form] of precisions) {
    if (term.datatype.value === datatype && form.test(term.value)) return { value: term.value, precision };
  }
  return null;
}
