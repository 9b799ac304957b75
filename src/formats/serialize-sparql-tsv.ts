// SPARQL 1.1 Query Results TSV: terms in SPARQL/Turtle syntax, `?`-prefixed header, LF line ends.
import type { Term } from '@rdfjs/types';
import { xsd } from '../vocabulary/namespaces.js';
import type { QueryResult } from '../store/graph-store.js';

/** The spec covers SELECT only; ASK is written as the one-column `?_askResult` table Apache Jena uses. */
export function serializeSparqlTsv(result: QueryResult): string {
  if (result.kind === 'boolean') return `?_askResult\n${result.value}\n`;
  if (result.kind !== 'bindings') throw new TypeError('TSV serialises SELECT and ASK results only');
  const lines = [result.variables.map((name) => `?${name}`).join('\t')];
  for (const row of result.rows) lines.push(result.variables.map((name) => tsvTerm(row[name])).join('\t'));
  return lines.map((line) => `${line}\n`).join('');
}

/** Numbers in their short Turtle form where the lexical form allows it, as the spec permits. */
const shortNumber: Readonly<Record<string, RegExp>> = {
  [xsd('integer')]: /^[+-]?\d+$/,
  [xsd('decimal')]: /^[+-]?\d*\.\d+$/,
  [xsd('double')]: /^[+-]?(\d+\.\d*|\.?\d+)[eE][+-]?\d+$/,
};

function tsvTerm(term: Term | undefined): string {
  if (!term) return '';
  switch (term.termType) {
    case 'NamedNode':
      return `<${term.value.replace(/[\t\n\r>\\]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}>`;
    case 'BlankNode':
      return `_:${term.value}`;
    case 'Literal': {
      const datatype = term.datatype.value;
      // Doubles with a lower-case exponent marker, as the W3C TSV result files write them (same value).
      if (shortNumber[datatype]?.test(term.value)) return datatype === xsd('double') ? term.value.replace('E', 'e') : term.value;
      const quoted = `"${escapeString(term.value)}"`;
      if (term.language) return `${quoted}@${term.language}`;
      if (datatype === xsd('string')) return quoted;
      return `${quoted}^^<${datatype}>`;
    }
    case 'Quad':
      return `<< ${tsvTerm(term.subject)} ${tsvTerm(term.predicate)} ${tsvTerm(term.object)} >>`;
    default:
      return '';
  }
}

/** Tabs and line breaks must not appear raw in a TSV field; Turtle string escapes keep them. */
function escapeString(value: string): string {
  return value.replace(/[\\"\t\n\r]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? c);
}
