// The byte key of an RDF term in the quad index's dictionary, and the hash both the builder and every reader use.
import type { DataFactory, Literal, Quad, Term } from '@rdfjs/types';
import { CasegraphError } from '../../errors/casegraph-error.js';

/**
 * One leading character names the term type; a literal's language (and direction) or datatype comes before a NUL
 * and its lexical form after it, because a language tag or IRI holds no NUL while a lexical form may.
 */
function encode(term: Term): string | undefined {
  switch (term.termType) {
    case 'NamedNode':
      return `<${term.value}`;
    case 'BlankNode':
      return `_${term.value}`;
    case 'DefaultGraph':
      return 'D';
    case 'Literal': {
      const literal = term as Literal & { direction?: string | null };
      const tag = literal.language ? `@${literal.language}${literal.direction ? `--${literal.direction}` : ''}` : `^${literal.datatype.value}`;
      return `"${tag}\u0000${literal.value}`;
    }
    default:
      // Variables match anything and are handled by the caller; quoted triples are not indexed (see buildQuadIndex).
      return undefined;
  }
}

function decode(key: string, factory: DataFactory): Term {
  switch (key[0]) {
    case '<':
      return factory.namedNode(key.slice(1));
    case '_':
      return factory.blankNode(key.slice(1));
    case 'D':
      return factory.defaultGraph();
    case '"': {
      const nul = key.indexOf('\u0000');
      const tag = key.slice(1, nul);
      const value = key.slice(nul + 1);
      if (tag.startsWith('^')) return factory.literal(value, factory.namedNode(tag.slice(1)));
      const [language = '', direction] = tag.slice(1).split('--');
      if (direction) return (factory.literal as (v: string, l: { language: string; direction: string }) => Term)(value, { language, direction });
      return factory.literal(value, language);
    }
    default:
      throw new CasegraphError(`the quad index holds a term key it cannot read: ${JSON.stringify(key.slice(0, 40))}`);
  }
}

/** FNV-1a over the key's UTF-8 bytes; readers hash the bytes they encode, so no JS Map is needed per thread. */
function hash(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= bytes[i] as number;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A quoted triple anywhere in a quad: the index does not hold them (casegraph's data has none). */
function isQuoted(quad: Quad): boolean {
  return quad.subject.termType === 'Quad' || quad.object.termType === 'Quad';
}

export const termKey = { encode, decode, hash, isQuoted };
