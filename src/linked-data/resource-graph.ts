// Read helpers over the store port's match(): the union of all named graphs as deduplicated triples, labels, types.
import { DataFactory } from 'n3';
import type { Literal, NamedNode, Quad, Quad_Object, Quad_Subject, Term } from '@rdfjs/types';
import type { GraphStore } from '../store/graph-store.js';
import { dct, rdf, rdfs, schema, skos } from '../vocabulary/namespaces.js';

const { namedNode, quad, defaultGraph } = DataFactory;

/** Predicates whose value names a resource for people, in order of preference. */
const labelPredicates = [rdfs('label'), skos('prefLabel'), schema('name'), dct('title')].map((iri) => namedNode(iri));

/** A triple's identity, whatever graph it came from. */
export function tripleKey(q: Quad): string {
  return `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`;
}

function termKey(t: Term): string {
  if (t.termType === 'Literal') return `"${t.value}"@${t.language}^^${t.datatype.value}`;
  return `${t.termType}:${t.value}`;
}

/** The union graph: each triple once, in the default graph, however many files state it. */
export function distinctTriples(quads: readonly Quad[]): Quad[] {
  const seen = new Set<string>();
  const out: Quad[] = [];
  for (const q of quads) {
    const key = tripleKey(q);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(q.graph.termType === 'DefaultGraph' ? q : quad(q.subject, q.predicate, q.object, defaultGraph()));
  }
  return out;
}

export class ResourceGraph {
  /** Subjects `D#x` by their document D; built on first use (the store never changes under an app). */
  private hashDocuments: Map<string, NamedNode[]> | undefined;

  /**
   * The store without the graphs derived at load time (date intervals, the ontology's closure): pages and
   * documents show what the sources state, not what casegraph inferred; SPARQL, dumps and VoID keep both.
   */
  readonly stated: Pick<GraphStore, 'match'>;

  constructor(readonly store: GraphStore) {
    const derived = new Set(store.graphs.filter((graph) => graph.derived === true).map((graph) => graph.iri));
    this.stated = derived.size === 0 ? store : { match: (pattern) => store.match(pattern).filter((q) => !derived.has(q.graph.value)) };
  }

  /** The subjects `{document}#…` of a hash-namespace document, in IRI order. */
  hashDocumentMembers(document: string): NamedNode[] {
    if (!this.hashDocuments) {
      const index = new Map<string, Map<string, NamedNode>>();
      for (const q of this.stated.match({})) {
        if (q.subject.termType !== 'NamedNode') continue;
        const hash = q.subject.value.indexOf('#');
        if (hash < 0) continue;
        const doc = q.subject.value.slice(0, hash);
        const members = index.get(doc) ?? new Map<string, NamedNode>();
        members.set(q.subject.value, q.subject);
        index.set(doc, members);
      }
      this.hashDocuments = new Map([...index.entries()].map(([doc, members]) => [doc, [...members.values()].sort(compareTerms)]));
    }
    return this.hashDocuments.get(document) ?? [];
  }

  get baseIri(): string {
    return this.store.baseIri;
  }

  /** Outgoing triples of a subject (deduplicated across files). */
  outgoing(subject: Quad_Subject): Quad[] {
    return distinctTriples(this.stated.match({ subject }));
  }

  objects(subject: Quad_Subject, predicate: string): Quad_Object[] {
    return this.outgoing(subject)
      .filter((q) => q.predicate.value === predicate)
      .map((q) => q.object);
  }

  /** Subjects that point at `object` with `predicate`, each once. */
  subjects(predicate: string, object: Term): Quad_Subject[] {
    const seen = new Set<string>();
    const out: Quad_Subject[] = [];
    for (const q of this.stated.match({ predicate: namedNode(predicate), object })) {
      const key = termKey(q.subject);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(q.subject);
    }
    return out.sort(compareTerms);
  }

  /** Incoming triples from other subjects. */
  incoming(object: NamedNode): Quad[] {
    return distinctTriples(this.stated.match({ object }));
  }

  literals(subject: Quad_Subject, predicate: string): Literal[] {
    return this.objects(subject, predicate).filter((t): t is Literal => t.termType === 'Literal');
  }

  iris(subject: Quad_Subject, predicate: string): NamedNode[] {
    return this.objects(subject, predicate)
      .filter((t): t is NamedNode => t.termType === 'NamedNode')
      .sort(compareTerms);
  }

  types(subject: Quad_Subject): NamedNode[] {
    return this.iris(subject, rdf('type'));
  }

  hasType(subject: Quad_Subject, type: string): boolean {
    return this.stated.match({ subject, predicate: namedNode(rdf('type')), object: namedNode(type) }).length > 0;
  }

  /** Class membership, following the subclass axioms the ontology states (an Arrest is an Event). */
  isA(subject: Term, classIri: string): boolean {
    if (subject.termType !== 'NamedNode' && subject.termType !== 'BlankNode') return false;
    const seen = new Set<string>();
    const queue = this.types(subject).map((t) => t.value);
    while (queue.length > 0) {
      const type = queue.shift() as string;
      if (type === classIri) return true;
      if (seen.has(type)) continue;
      seen.add(type);
      queue.push(...this.iris(namedNode(type), rdfs('subClassOf')).map((t) => t.value));
    }
    return false;
  }

  /** Whether the graph says anything about this subject. */
  exists(subject: Quad_Subject): boolean {
    return this.stated.match({ subject }).length > 0;
  }

  /** The triples that name a resource (rdfs:label, skos:prefLabel, schema:name, dct:title). */
  labelTriples(subject: Quad_Subject): Quad[] {
    return distinctTriples(labelPredicates.flatMap((predicate) => this.stated.match({ subject, predicate })));
  }

  /** The best stated label (English preferred), or undefined when the graph names it nowhere. */
  label(subject: Term): string | undefined {
    if (subject.termType !== 'NamedNode' && subject.termType !== 'BlankNode') return undefined;
    for (const predicate of labelPredicates) {
      const literals = this.store
        .match({ subject, predicate })
        .map((q) => q.object)
        .filter((t): t is Literal => t.termType === 'Literal');
      const english = literals.find((l) => l.language === 'en') ?? literals.find((l) => l.language === '') ?? literals[0];
      if (english) return english.value;
    }
    return undefined;
  }

  /** Every IRI the graph describes (has as subject) that falls under BASE_IRI. */
  localSubjects(): NamedNode[] {
    const seen = new Map<string, NamedNode>();
    for (const q of this.stated.match({})) {
      if (q.subject.termType === 'NamedNode' && q.subject.value.startsWith(this.baseIri)) seen.set(q.subject.value, q.subject);
    }
    return [...seen.values()].sort(compareTerms);
  }
}

/** Stable order for output: by IRI or value. */
export function compareTerms(a: Term, b: Term): number {
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}
