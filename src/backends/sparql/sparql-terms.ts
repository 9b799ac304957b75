// RDF terms to and from a SPARQL server's wire forms: query text, SPARQL JSON results, N-Triples (blank nodes as Virtuoso's nodeID IRIs).
import { DataFactory } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import { xsd } from '../../vocabulary/namespaces.js';
import { escapeIri, termToSparql as writeTerm } from '../../engine/term-to-sparql.js';

const { namedNode, literal, blankNode, quad, defaultGraph } = DataFactory;

/** Virtuoso writes stored blank nodes as IRIs with this scheme, and accepts them back in a query. */
const nodeIdScheme = 'nodeID://';

/** One term as SPARQL text for this store: a blank node that came from the server is asked about again by the label it gave. */
export function termToSparql(term: Term): string {
  return writeTerm(term, { blankNode: (label) => `<${nodeIdScheme}${escapeIri(label)}>` });
}

/** A term of a SPARQL JSON answer; `typed-literal` is Virtuoso's older spelling of `literal` with a datatype. */
export interface JsonTerm {
  readonly type: 'uri' | 'literal' | 'typed-literal' | 'bnode';
  readonly value: string;
  readonly datatype?: string;
  readonly 'xml:lang'?: string;
}

export function termFromJson(term: JsonTerm): Term {
  switch (term.type) {
    case 'uri':
      return fromIri(term.value);
    case 'bnode':
      return blankNode(blankLabel(term.value));
    default:
      if (term['xml:lang']) return literal(term.value, term['xml:lang']);
      return booleanWords(literal(term.value, term.datatype ? namedNode(term.datatype) : undefined));
  }
}

/** An IRI from the server: a `nodeID://…` one is the blank node the server stores. */
export function fromIri(value: string): Term {
  return value.startsWith(nodeIdScheme) ? blankNode(blankLabel(value)) : namedNode(value);
}

/** Virtuoso names a blank node `nodeID://b10007` in JSON as well: the label is what follows the scheme. */
function blankLabel(value: string): string {
  return value.startsWith(nodeIdScheme) ? value.slice(nodeIdScheme.length) : value;
}

/**
 * Virtuoso stores an xsd:boolean as a number and writes it back as 1 or 0, and an xsd:duration of years and months
 * as a number of months ("P5Y" comes back "60"): each is given back as the same value in its canonical form.
 */
function booleanWords<T extends Term>(term: T): T {
  if (term.termType !== 'Literal') return term;
  if (term.datatype.value === xsd('boolean')) {
    const word = term.value === '1' ? 'true' : term.value === '0' ? 'false' : undefined;
    return word === undefined ? term : (literal(word, term.datatype) as unknown as T);
  }
  if (term.datatype.value === xsd('duration') && /^-?\d+$/.test(term.value)) {
    const months = Math.abs(Number(term.value));
    const [years, rest] = [Math.floor(months / 12), months % 12];
    const text = `${term.value.startsWith('-') ? '-' : ''}P${years ? `${years}Y` : ''}${rest || !years ? `${rest}M` : ''}`;
    return literal(text, term.datatype) as unknown as T;
  }
  return term;
}

/** A parsed triple or quad with the server's blank-node IRIs turned back into blank nodes. */
export function withBlankNodes(q: Quad): Quad {
  const s = q.subject.termType === 'NamedNode' ? fromIri(q.subject.value) : q.subject;
  const o = q.object.termType === 'NamedNode' ? fromIri(q.object.value) : booleanWords(q.object);
  return quad(s as Quad['subject'], q.predicate, o as Quad['object'], q.graph.termType === 'DefaultGraph' ? defaultGraph() : q.graph);
}
