// What dereferencing an IRI returns: its concise bounded description plus the labels of what it links to.
import { DataFactory } from 'n3';
import type { NamedNode, Quad, Quad_Subject } from '@rdfjs/types';
import { casegraphNamespaces, owl, rdf, relativeNamespaces } from '../vocabulary/namespaces.js';
import { distinctTriples, type ResourceGraph } from './resource-graph.js';

const { namedNode } = DataFactory;

export interface ResourceDescription {
  /** The IRI that was asked for (for the ontology document, `{base}ontology`). */
  readonly iri: string;
  /**
   * `resource`: one subject. `ontology`: the ontology document. `graph`: a named graph (one loaded file).
   * `document`: a hash-namespace document such as `{base}ontology/shapes`, whose terms are `{base}ontology/shapes#X`.
   */
  readonly kind: 'resource' | 'ontology' | 'graph' | 'document';
  /** Triples, in the default graph, in a stable order. */
  readonly triples: readonly Quad[];
}

/** `{base}ontology`, the document every `{base}ontology#X` term belongs to. */
export function ontologyDocumentIri(baseIri: string): string {
  return baseIri + relativeNamespaces.ontologyDocument;
}

/**
 * Describes the resource an IRI names, or answers undefined when the graph says nothing about it.
 * A resource: every triple it is the subject of, closed over blank nodes (a concise bounded description),
 * plus the label triples of every IRI it links to, so a page or a client can name them without a second request.
 * The ontology document: every triple of the file(s) that declare `{base}ontology a owl:Ontology`.
 */
export async function describeResource(graph: ResourceGraph, iri: string): Promise<ResourceDescription | undefined> {
  const ontologyIri = ontologyDocumentIri(graph.baseIri);
  const documentIri = iri.split('#')[0] as string;
  if (documentIri === ontologyIri) return describeOntology(graph, ontologyIri);
  if (iri.includes('#') && iri.startsWith(casegraphNamespaces(graph.baseIri).cg.iri)) return describeOntology(graph, ontologyIri);
  const subject = namedNode(iri);
  if (!(await graph.exists(subject))) return describeCollection(graph, documentIri);
  const core = await boundedDescription(graph, subject);
  const linked = new Map<string, NamedNode>();
  for (const q of core) {
    if (q.object.termType === 'NamedNode' && q.object.value !== iri && q.predicate.value !== rdf('type')) linked.set(q.object.value, q.object);
  }
  const labels = (await Promise.all([...linked.values()].map((node) => graph.labelTriples(node)))).flat();
  return { iri, kind: 'resource', triples: sortTriples(distinctTriples([...core, ...labels])) };
}

/** A named graph's triples, or every subject of a hash namespace `D#…` for the document D. */
async function describeCollection(graph: ResourceGraph, documentIri: string): Promise<ResourceDescription | undefined> {
  const loaded = graph.store.graphs.find((g) => g.iri === documentIri);
  if (loaded) {
    return { iri: documentIri, kind: 'graph', triples: sortTriples(distinctTriples(await graph.store.match({ graph: namedNode(loaded.iri) }))) };
  }
  const members = await graph.hashDocumentMembers(documentIri);
  if (members.length === 0) return undefined;
  return { iri: documentIri, kind: 'document', triples: sortTriples((await Promise.all(members.map((m) => boundedDescription(graph, m)))).flat()) };
}

async function describeOntology(graph: ResourceGraph, ontologyIri: string): Promise<ResourceDescription | undefined> {
  const declarations = await graph.store.match({ subject: namedNode(ontologyIri), predicate: namedNode(rdf('type')), object: namedNode(owl('Ontology')) });
  if (declarations.length === 0) return undefined;
  const quads = (await Promise.all(declarations.map((d) => graph.store.match({ graph: d.graph })))).flat();
  return { iri: ontologyIri, kind: 'ontology', triples: sortTriples(distinctTriples(quads)) };
}

/** Outgoing triples, following blank-node objects (each visited once, so cycles end). */
async function boundedDescription(graph: ResourceGraph, subject: Quad_Subject): Promise<Quad[]> {
  const out: Quad[] = [];
  const visited = new Set<string>();
  const queue: Quad_Subject[] = [subject];
  while (queue.length > 0) {
    const next = queue.shift() as Quad_Subject;
    const key = `${next.termType}:${next.value}`;
    if (visited.has(key)) continue;
    visited.add(key);
    for (const q of await graph.outgoing(next)) {
      out.push(q);
      if (q.object.termType === 'BlankNode') queue.push(q.object);
    }
  }
  return out;
}

/** Subject, predicate, object order: the same request always gets the same bytes. */
export function sortTriples(quads: readonly Quad[]): Quad[] {
  const key = (q: Quad): string => `${q.subject.value}\u0000${q.predicate.value}\u0000${q.object.termType}${q.object.value}`;
  return [...quads].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
