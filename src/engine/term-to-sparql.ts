// One RDF term as SPARQL text (N-Triples syntax), escaped: a bound value written into a query, never a piece of the user's text.
import type { Term } from '@rdfjs/types';
import { xsd } from '../vocabulary/namespaces.js';

export interface TermWriting {
  /**
   * How a blank node is written, by its label. A blank node in a query is a fresh variable, not the node it came
   * from, so by default none can be written; a store that names its blank nodes (Virtuoso's `nodeID://` IRIs)
   * says how to ask for one again.
   */
  readonly blankNode?: (label: string) => string;
}

/** `<iri>` (characters an IRIREF may not hold as `\u` escapes), or a quoted literal with its language or datatype. */
export function termToSparql(term: Term, writing: TermWriting = {}): string {
  switch (term.termType) {
    case 'NamedNode':
      return `<${escapeIri(term.value)}>`;
    case 'BlankNode':
      if (writing.blankNode) return writing.blankNode(term.value);
      break;
    case 'Literal': {
      const text = `"${escapeString(term.value)}"`;
      if (term.language) return `${text}@${term.language}`;
      return term.datatype.value === xsd('string') ? text : `${text}^^<${escapeIri(term.datatype.value)}>`;
    }
  }
  throw new TypeError(`a ${term.termType} cannot be written into a query as a value`);
}

/** Control characters, space and `<>"{}|^\`\\` as `\u` escapes (SPARQL's IRIREF excludes them). */
export function escapeIri(iri: string): string {
  return Array.from(iri, (c) => (c.charCodeAt(0) <= 0x20 || '<>"{}|^`\\'.includes(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('');
}

function escapeString(value: string): string {
  return value.replace(/[\\"\n\r\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] as string);
}
