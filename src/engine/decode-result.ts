// Turns a worker's encoded answer back into RDF/JS terms on this side of the thread boundary.
import type { Term } from '@rdfjs/types';
import type { QueryResult } from '../store/graph-store.js';
import type { EncodedResult } from './query-runner.js';
import { termCodec } from './term-codec.js';

export function decodeResult(result: EncodedResult): QueryResult {
  switch (result.kind) {
    case 'boolean':
      return result;
    case 'quads':
      return { kind: 'quads', quads: result.quads.map((q) => termCodec.decodeQuad(q)), truncated: result.truncated };
    case 'bindings':
      return {
        kind: 'bindings',
        variables: result.variables,
        rows: result.rows.map((row) => Object.fromEntries(Object.entries(row).map(([name, term]) => [name, termCodec.decode(term)])) as Record<string, Term>),
        truncated: result.truncated,
      };
  }
}
