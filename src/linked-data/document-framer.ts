// Person documents by JSON-LD framing: the triples a frame can reach, framed with the published frame, compacted.
import jsonld from 'jsonld';
import { DataFactory } from 'n3';
import type { NamedNode, Quad, Quad_Subject, Term } from '@rdfjs/types';
import { casegraphNamespaces, rdf, rdfs } from '../vocabulary/namespaces.js';
import { documentFrame, type JsonLdFrame } from './document-frame.js';
import type { KeySpec, NodeShape } from './document-shapes.js';
import { expandQuads } from './expand-quads.js';
import { contextDocument, contextUrl } from './linked-data-context.js';
import { orderTimeline } from './order-timeline.js';
import { compareTerms, distinctTriples, tripleKey, type ResourceGraph } from './resource-graph.js';
import { offlineDocumentLoader } from '../formats/offline-document-loader.js';

const { namedNode } = DataFactory;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = Record<string, JsonValue>;

export interface DocumentFramer {
  /** One node's document: `jsonld.frame` of its triples with the shape's frame, `@id` set to the node. */
  document(subject: NamedNode, shape: NodeShape): Promise<JsonObject>;
  /** Several nodes' documents under `@graph`. */
  list(subjects: readonly NamedNode[], shape: NodeShape): Promise<JsonObject>;
}

export function documentFramer(graph: ResourceGraph): DocumentFramer {
  const base = graph.baseIri;
  const documentLoader = offlineDocumentLoader({ [contextUrl(base)]: contextDocument(base) });

  const frame = async (subjects: readonly NamedNode[], shape: NodeShape, frameDoc: JsonLdFrame, omitGraph: boolean): Promise<JsonObject> => {
    const input = await expandQuads(await reachableQuads(graph, subjects, shape));
    const options = { documentLoader, omitGraph } as unknown as jsonld.Options.Frame;
    const framed = (await jsonld.frame(
      input as jsonld.JsonLdDocument,
      frameDoc as unknown as Parameters<typeof jsonld.frame>[1],
      options,
    )) as unknown as JsonObject;
    return orderKeys(framed, shape);
  };

  return {
    document: (subject, shape) => frame([subject], shape, { ...documentFrame(shape, base), '@id': subject.value }, true),
    list: async (subjects, shape) => {
      const framed = await frame(subjects, shape, documentFrame(shape, base), false);
      const nodes = Array.isArray(framed['@graph']) ? framed['@graph'] : [];
      return { '@context': framed['@context'] ?? contextUrl(base), '@graph': nodes.map((n) => orderKeys(n as JsonObject, shape)) };
    },
  };
}

/**
 * Every triple the frame can reach from the roots: each node's triples for its shape's keys and its classes,
 * and the labels and classes of the resources it references. Framing then selects; the input stays the size
 * of one document, not of the graph. Values are listed in IRI order, events of a case in timeline order.
 */
export async function reachableQuads(graph: ResourceGraph, roots: readonly NamedNode[], shape: NodeShape): Promise<Quad[]> {
  const base = graph.baseIri;
  const found = new Map<string, Quad>();
  const add = (quads: readonly Quad[]): void => {
    for (const q of distinctTriples(quads)) found.set(tripleKey(q), q);
  };
  const described = new Set<string>();
  const describe = async (term: Term): Promise<void> => {
    if (term.termType === 'Literal' || described.has(term.value)) return;
    described.add(term.value);
    add(await graph.stated.match({ subject: term, predicate: namedNode(rdf('type')) }));
    add(await graph.stated.match({ subject: term, predicate: namedNode(rdfs('label')) }));
  };
  const visited = new Set<string>();
  // Visited in order, one lookup at a time: the same document always gathers the same quads in the same order.
  const visit = async (node: Quad_Subject, nodeShape: NodeShape): Promise<void> => {
    const key = `${node.value} ${nodeShape.name}`;
    if (visited.has(key)) return;
    visited.add(key);
    add(await graph.stated.match({ subject: node, predicate: namedNode(rdf('type')) }));
    for (const spec of nodeShape.keys) await followKey(node, spec);
  };
  const followKey = async (node: Quad_Subject, spec: KeySpec): Promise<void> => {
    const predicate = namedNode(spec.predicate(base));
    if (spec.kind !== 'nodes') {
      const quads = await graph.stated.match({ subject: node, predicate });
      add(quads);
      if (spec.kind === 'ref' || spec.kind === 'refs') for (const q of quads) await describe(q.object);
      return;
    }
    const nested = (spec.nested as () => NodeShape)();
    const links = spec.reverse ? await graph.stated.match({ predicate, object: node }) : await graph.stated.match({ subject: node, predicate });
    for (const link of links) {
      const child = spec.reverse ? link.subject : link.object;
      if (child.termType !== 'NamedNode' && child.termType !== 'BlankNode') continue;
      if (nested.matchClass && !(await graph.hasType(child, nested.classIri(base)))) continue;
      add([link]);
      await visit(child, nested);
    }
  };
  for (const root of roots) await visit(root, shape);
  return orderQuads(graph, [...found.values()]);
}

/** Subject, predicate, then object order; cg:hasEvent values in timeline order (dated first, then by stated order). */
async function orderQuads(graph: ResourceGraph, quads: Quad[]): Promise<Quad[]> {
  const hasEvent = casegraphNamespaces(graph.baseIri).cg('hasEvent');
  const position = new Map<string, number>();
  const bySubject = new Map<string, NamedNode[]>();
  for (const q of quads) {
    if (q.predicate.value !== hasEvent || q.object.termType !== 'NamedNode') continue;
    bySubject.set(q.subject.value, [...(bySubject.get(q.subject.value) ?? []), q.object]);
  }
  for (const events of bySubject.values()) (await orderTimeline(graph, events)).forEach((entry, i) => position.set(entry.event.value, i));
  return quads.sort(
    (a, b) =>
      compareTerms(a.subject, b.subject) ||
      compareTerms(a.predicate, b.predicate) ||
      (a.predicate.value === hasEvent ? (position.get(a.object.value) ?? 0) - (position.get(b.object.value) ?? 0) : 0) ||
      compareTerms(a.object, b.object),
  );
}

/** Keys in the shape's order (`@context`, `id`, `type`, then the table's): JSON key order is presentation only. */
function orderKeys(node: JsonObject, shape: NodeShape): JsonObject {
  const out: JsonObject = {};
  for (const key of ['@context', 'id', 'type']) if (key in node) out[key] = node[key] as JsonValue;
  for (const spec of shape.keys) {
    const value = node[spec.key];
    if (value === undefined) continue;
    if (spec.kind === 'nodes' && Array.isArray(value)) {
      const nested = (spec.nested as () => NodeShape)();
      out[spec.key] = value.map((v) => orderKeys(v as JsonObject, nested));
    } else if (spec.kind === 'date' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const { '@value': lexical, ...rest } = value;
      out[spec.key] = { '@value': lexical ?? null, ...rest };
    } else if ((spec.kind === 'ref' || spec.kind === 'refs') && value !== null) {
      out[spec.key] = Array.isArray(value) ? value.map((v) => orderRef(v as JsonObject)) : orderRef(value as JsonObject);
    } else {
      out[spec.key] = value;
    }
  }
  for (const [key, value] of Object.entries(node)) if (!(key in out)) out[key] = value;
  return out;
}

function orderRef(ref: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of ['id', 'type', 'label']) if (key in ref) out[key] = ref[key] as JsonValue;
  return { ...out, ...ref };
}
