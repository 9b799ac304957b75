// Builds the downloads of the whole graph (Turtle, N-Triples, N-Quads, TriG, JSON-LD, the tidy CSV tables and their CSVW metadata) with SHA-256 and size.
import { createHash } from 'node:crypto';
import type { Quad } from '@rdfjs/types';
import type { GraphStore } from '../store/graph-store.js';
import { serializeContext } from '../formats/result-formats.js';
import { serializeRdf, type RdfSyntax } from '../formats/serialize-rdf.js';
import { canonicalQuads } from './canonical-quads.js';
import { buildTable, csvFile, csvMetadataMediaType, metadataSuffix, tableCsv, tableMetadata, tableSpecs } from '../tables/index.js';
import { compactJsonLd } from './resource-formats.js';
import { distinctTriples } from './resource-graph.js';

export interface Dump {
  /** File name under /dumps/. */
  readonly name: string;
  readonly mediaType: string;
  readonly description: string;
  readonly content: Buffer;
  readonly sha256: string;
  readonly size: number;
}

export interface DumpSet {
  readonly version: string;
  readonly triples: number;
  readonly quads: number;
  readonly dumps: readonly Dump[];
}

/** The base name of the whole-graph files: `casegraph.ttl`, `casegraph.nq`, … */
const stem = 'casegraph';

function dump(name: string, mediaType: string, description: string, text: string): Dump {
  const content = Buffer.from(text, 'utf8');
  return { name, mediaType, description, content, sha256: createHash('sha256').update(content).digest('hex'), size: content.length };
}

/** Quads in a total order, so the same dataset version always gives the same bytes (and checksums). */
function sortQuads(quads: readonly Quad[]): Quad[] {
  const key = (q: Quad): string =>
    `${q.graph.value}\u0000${q.subject.termType}${q.subject.value}\u0000${q.predicate.value}\u0000${q.object.termType}${q.object.value}\u0000${q.object.termType === 'Literal' ? `${q.object.language}^${q.object.datatype.value}` : ''}`;
  return quads
    .map((q) => [key(q), q] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, q]) => q);
}

export async function buildDumps(store: GraphStore): Promise<DumpSet> {
  // Canonical blank-node labels and a total order need every quad at hand: dumps are built once per dataset version.
  const all: Quad[] = [];
  for await (const q of store.matchStream({})) all.push(q);
  const quads = sortQuads(await canonicalQuads(all, store.baseIri));
  const triples = sortQuads(distinctTriples(quads));
  const context = serializeContext(store.baseIri);
  const rdfText = (data: readonly Quad[], syntax: RdfSyntax) => serializeRdf({ kind: 'quads', quads: data, truncated: false }, context, syntax);
  // Framing this dump with /frames/person.jsonld must give the person documents, which show what sources state.
  const derived = new Set(store.graphs.filter((g) => g.derived === true).map((g) => g.iri));
  const statedQuads = quads.filter((q) => !derived.has(q.graph.value));
  const dumps: Dump[] = [
    dump(`${stem}.ttl`, 'text/turtle', 'The whole graph as Turtle (the union of all files, each triple once)', await rdfText(triples, 'Turtle')),
    dump(`${stem}.nt`, 'application/n-triples', 'The whole graph as N-Triples (the union of all files, each triple once)', await rdfText(triples, 'N-Triples')),
    dump(`${stem}.nq`, 'application/n-quads', 'Every quad, with the named graph of the file it came from, as N-Quads', await rdfText(quads, 'N-Quads')),
    dump(`${stem}.trig`, 'application/trig', 'Every quad, one named graph per file, as TriG', await rdfText(quads, 'TriG')),
    dump(
      `${stem}.jsonld`,
      'application/ld+json',
      'Every quad the files state as JSON-LD (named graphs kept, the derived graphs left out as in the person documents), compacted with /context.jsonld',
      `${JSON.stringify(await compactJsonLd(statedQuads, store.baseIri), null, 2)}\n`,
    ),
  ];
  // The tables as /api/tables serves them, each with its CSVW metadata beside it (their relative URLs hold in both places).
  for (const spec of tableSpecs) {
    dumps.push(dump(csvFile(spec.name), 'text/csv', `${spec.title}: ${spec.description}`, tableCsv(await buildTable(store, spec))));
    dumps.push(
      dump(
        `${csvFile(spec.name)}${metadataSuffix}`,
        csvMetadataMediaType,
        `CSV on the Web metadata of ${csvFile(spec.name)}`,
        `${JSON.stringify(tableMetadata(spec, store.baseIri, store.version), null, 2)}\n`,
      ),
    );
  }
  return { version: store.version, triples: triples.length, quads: quads.length, dumps };
}
