// Builds a compacted JSON-LD document of a fixed nested shape from the graph: every key present, null or [] when unstated.
import type { Literal, NamedNode, Quad_Subject, Term } from '@rdfjs/types';
import { rdfs, xsd } from '../vocabulary/namespaces.js';
import { contextUrl, linkedDataContext, type JsonLdContext } from './linked-data-context.js';
import type { KeySpec, NodeShape } from './document-shapes.js';
import { compareTerms, type ResourceGraph } from './resource-graph.js';
import { orderTimeline } from './order-timeline.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface DocumentBuilder {
  /** The whole document for one node, with `@context` pointing at the published context. */
  document(subject: NamedNode, shape: NodeShape): JsonObject;
  /** A node without `@context`, for lists. */
  node(subject: Quad_Subject, shape: NodeShape): JsonObject;
  ref(term: Term): JsonObject;
}

export function documentBuilder(graph: ResourceGraph): DocumentBuilder {
  const base = graph.baseIri;
  const context = linkedDataContext(base);
  const compact = iriCompactor(context);

  const ref = (term: Term): JsonObject => {
    const labels = graph.literals(term as Quad_Subject, rdfs('label'));
    const label = labels.find((l) => l.language === 'en') ?? labels[0];
    return { id: term.value, label: label ? literalValue(label, 'en', compact) : null };
  };

  const node = (subject: Quad_Subject, shape: NodeShape, path: ReadonlySet<string> = new Set()): JsonObject => {
    const out: JsonObject = { id: subject.value, type: graph.types(subject).map((t) => compact(t.value)) };
    const inside = new Set(path).add(subject.value);
    for (const spec of shape.keys) out[spec.key] = fill(subject, spec, inside);
    return out;
  };

  const fill = (subject: Quad_Subject, spec: KeySpec, path: ReadonlySet<string>): JsonValue => {
    const predicate = spec.predicate(base);
    if (spec.kind === 'nodes') {
      const nested = (spec.nested as () => NodeShape)();
      const classIri = nested.classIri(base);
      const candidates = spec.reverse ? graph.subjects(predicate, subject) : graph.iris(subject, predicate);
      // A node already on the path is not nested again, so cycles in the data cannot recurse forever.
      let members = candidates.filter((t) => !path.has(t.value) && graph.isA(t, classIri));
      if (nested.name === 'Event') members = orderTimeline(graph, members as NamedNode[]).map((entry) => entry.event);
      return members.map((member) => node(member, nested, path));
    }
    const values = graph.objects(subject, predicate).sort(compareTerms);
    const literals = values.filter((t): t is Literal => t.termType === 'Literal');
    switch (spec.kind) {
      case 'ref':
        return values[0] && values[0].termType !== 'Literal' ? ref(values[0]) : null;
      case 'refs':
        return values.filter((t) => t.termType !== 'Literal').map(ref);
      case 'text':
        return literals[0] ? literalValue(literals[0], spec.language, compact) : null;
      case 'texts':
        return literals.map((l) => literalValue(l, spec.language, compact));
      case 'date':
        return literals[0] ? { '@value': literals[0].value, '@type': compact(literals[0].datatype.value) } : null;
      case 'boolean':
        return literals[0] ? typed(literals[0], xsd('boolean'), (v) => v === 'true' || v === '1', compact) : null;
      case 'integer':
        return literals[0] ? typed(literals[0], xsd('integer'), Number, compact) : null;
    }
  };

  return {
    document: (subject, shape) => ({ '@context': contextUrl(base), ...node(subject, shape) }),
    node: (subject, shape) => node(subject, shape),
    ref,
  };
}

/** A literal as the key's coercion reads it: a plain string when it matches, a value object when it does not. */
function literalValue(literal: Literal, language: string | undefined, compact: (iri: string) => string): JsonValue {
  if (language !== undefined && literal.language === language) return literal.value;
  if (literal.language) return { '@value': literal.value, '@language': literal.language };
  if (literal.datatype.value === xsd('string')) return language === undefined ? literal.value : { '@value': literal.value };
  return { '@value': literal.value, '@type': compact(literal.datatype.value) };
}

function typed(literal: Literal, datatype: string, read: (value: string) => JsonValue, compact: (iri: string) => string): JsonValue {
  if (literal.datatype.value === datatype) return read(literal.value);
  return { '@value': literal.value, '@type': compact(literal.datatype.value) };
}

/** Shortens IRIs the context names: class terms first (`Arrest`), then prefixes (`xsd:date`). */
export function iriCompactor(context: JsonLdContext): (iri: string) => string {
  const terms = new Map<string, string>();
  const prefixes: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(context)) {
    if (typeof value !== 'string' || key.startsWith('@')) continue;
    if (/[#/]$/.test(value)) prefixes.push([key, value]);
    else if (/^[A-Z]/.test(key)) terms.set(value, key);
  }
  prefixes.sort((a, b) => b[1].length - a[1].length);
  return (iri) => {
    const term = terms.get(iri);
    if (term) return term;
    for (const [prefix, namespace] of prefixes) {
      const local = iri.slice(namespace.length);
      if (iri.startsWith(namespace) && /^[A-Za-z_][\w.-]*$/.test(local)) return `${prefix}:${local}`;
    }
    return iri;
  };
}
