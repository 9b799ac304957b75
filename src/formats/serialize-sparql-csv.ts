// SPARQL 1.1 Query Results CSV: lexical forms only (lossy by design), RFC 4180 quoting, CRLF line ends.
import type { Term } from '@rdfjs/types';
import type { QueryResult } from '../store/graph-store.js';
import { csvField } from './csv-field.js';

/** The spec covers SELECT only; ASK is written as the one-column `_askResult` table Apache Jena uses. */
export function serializeSparqlCsv(result: QueryResult): string {
  if (result.kind === 'boolean') return `_askResult\r\n${result.value}\r\n`;
  if (result.kind !== 'bindings') throw new TypeError('CSV serialises SELECT and ASK results only');
  const lines = [result.variables.map(csvField).join(',')];
  for (const row of result.rows) {
    lines.push(result.variables.map((name) => csvField(csvValue(row[name]))).join(','));
  }
  return lines.map((line) => `${line}\r\n`).join('');
}

function csvValue(term: Term | undefined): string {
  if (!term) return '';
  switch (term.termType) {
    case 'BlankNode':
      return `_:${term.value}`;
    case 'Quad':
      return `<< ${csvValue(term.subject)} ${csvValue(term.predicate)} ${csvValue(term.object)} >>`;
    default:
      return term.value;
  }
}
