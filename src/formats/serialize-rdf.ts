// CONSTRUCT/DESCRIBE answers as Turtle, N-Triples, N-Quads or TriG through the N3 writer.
import { Writer } from 'n3';
import type { QueryResult } from '../store/graph-store.js';
import type { SerializeContext } from './result-formats.js';

export type RdfSyntax = 'Turtle' | 'N-Triples' | 'N-Quads' | 'TriG';

/** Turtle and TriG get the casegraph prefixes (or the caller's); the line formats never abbreviate. */
export function serializeRdf(result: QueryResult, context: SerializeContext, syntax: RdfSyntax): Promise<string> {
  if (result.kind !== 'quads') throw new TypeError(`${syntax} serialises CONSTRUCT and DESCRIBE results only`);
  const abbreviates = syntax === 'Turtle' || syntax === 'TriG';
  const writer = new Writer({ format: syntax, ...(abbreviates ? { prefixes: { ...context.prefixes } } : {}) });
  return new Promise((resolve, reject) => {
    writer.addQuads([...result.quads]);
    // N3 calls back with a null error on success, although its types say Error.
    writer.end((error: Error | null, text: string) => (error ? reject(error) : resolve(text)));
  });
}
