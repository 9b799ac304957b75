// Relabels blank nodes canonically (RDFC-1.0, via jsonld's rdf-canonize), so every process writes the same bytes.
import jsonld from 'jsonld';
import { Parser } from 'n3';
import type { Quad } from '@rdfjs/types';
import { serializeContext } from '../formats/result-formats.js';
import { serializeRdf } from '../formats/serialize-rdf.js';

/**
 * The parser's blank-node labels depend on how many documents a process parsed before, so two replicas (or the
 * server and `casegraph export`) would write different bytes, checksums and ETags for the same data.
 * Canonical labels (`_:c14n0`, …) are a function of the graph alone. Graphs without blank nodes pass through.
 */
export async function canonicalQuads(quads: readonly Quad[], baseIri: string): Promise<Quad[]> {
  const hasBlank = quads.some((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode' || q.graph.termType === 'BlankNode');
  if (!hasBlank) return [...quads];
  const nquads = await serializeRdf({ kind: 'quads', quads, truncated: false }, serializeContext(baseIri), 'N-Quads');
  // The typings only know JSON-LD input; with inputFormat N-Quads the library takes the string as it is.
  const canonize = jsonld.canonize as unknown as (input: string, options: object) => Promise<string>;
  const canonical = await canonize.call(jsonld, nquads, { algorithm: 'RDFC-1.0', inputFormat: 'application/n-quads', format: 'application/n-quads' });
  return new Parser({ format: 'application/n-quads', blankNodePrefix: '' }).parse(canonical);
}
