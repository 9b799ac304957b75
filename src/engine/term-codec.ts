// RDF terms as plain arrays, so they cross the worker boundary (structured clone drops prototypes and methods).
import { DataFactory } from 'n3';
import type { Quad, Term } from '@rdfjs/types';

/** Compact tagged tuples; quoted triples (RDF 1.2) nest. */
export type EncodedTerm =
  | readonly ['n', string]
  | readonly ['b', string]
  | readonly ['l', string, string, string, string]
  | readonly ['v', string]
  | readonly ['d']
  | readonly ['q', EncodedTerm, EncodedTerm, EncodedTerm, EncodedTerm];

export const termCodec = {
  encode(term: Term): EncodedTerm {
    switch (term.termType) {
      case 'NamedNode':
        return ['n', term.value];
      case 'BlankNode':
        return ['b', term.value];
      case 'Literal':
        return ['l', term.value, term.language, term.datatype.value, (term as { direction?: string }).direction ?? ''];
      case 'Variable':
        return ['v', term.value];
      case 'DefaultGraph':
        return ['d'];
      case 'Quad':
        return ['q', termCodec.encode(term.subject), termCodec.encode(term.predicate), termCodec.encode(term.object), termCodec.encode(term.graph)];
    }
  },

  decode(encoded: EncodedTerm): Term {
    switch (encoded[0]) {
      case 'n':
        return DataFactory.namedNode(encoded[1]);
      case 'b':
        return DataFactory.blankNode(encoded[1]);
      case 'l': {
        const [, value, language, datatype, direction] = encoded;
        if (language === '') return DataFactory.literal(value, DataFactory.namedNode(datatype));
        // n3 takes a base direction (RDF 1.2) as { language, direction }; its typings predate it.
        return DataFactory.literal(value, (direction !== '' ? { language, direction } : language) as string);
      }
      case 'v':
        return DataFactory.variable(encoded[1]);
      case 'd':
        return DataFactory.defaultGraph();
      case 'q':
        return termCodec.decodeQuad(encoded);
    }
  },

  decodeQuad(encoded: EncodedTerm): Quad {
    if (encoded[0] !== 'q') throw new TypeError(`not an encoded quad: ${encoded[0]}`);
    const [, s, p, o, g] = encoded;
    return DataFactory.quad(
      termCodec.decode(s) as Quad['subject'],
      termCodec.decode(p) as Quad['predicate'],
      termCodec.decode(o) as Quad['object'],
      termCodec.decode(g) as Quad['graph'],
    );
  },
};
