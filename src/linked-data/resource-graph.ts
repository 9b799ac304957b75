// Read helpers over the store port's asynchronous match(): the union of all named graphs as deduplicated triples, labels, types.
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
  private hashDocuments: Promise<Map<string, NamedNode[]>> | undefined;

  /**
   * The store without the graphs derived at load time (date intervals, the ontology's closure): pages and
   * documents show what the sources state, not what casegraph inferred; SPARQL, dumps and VoID keep both.
   */
  readonly stated: Pick<GraphStore, 'match' | 'matchStream'>;

  constructor(readonly store: GraphStore) {
    const derived = new Set(store.graphs.filter((graph) => graph.derived === true).map((graph) => graph.iri));
    this.stated =
      derived.size === 0
        ? store
        : {
            match: async (pattern) => (await store.match(pattern)).filter((q) => !derived.has(q.graph.value)),
            async *matchStream(pattern) {
              for await (const q of store.matchStream(pattern)) if (!derived.has(q.graph.value)) yield q;
            },
          };
  }

  /** The subjects `{document}#…` of a hash-namespace document, in IRI order. */
  async hashDocumentMembers(document: string): Promise<NamedNode[]> {
    this.hashDocuments ??= this.indexHashDocuments();
    // A failed read (a store outage) is not kept, so the next request reads again.
    this.hashDocuments.catch(() => (this.hashDocuments = undefined));
    return (await this.hashDocuments).get(document) ?? [];
  }

  private async indexHashDocuments(): Promise<Map<string, NamedNode[]>> {
    const index = new Map<string, Map<string, NamedNode>>();
    for await (const q of this.stated.matchStream({})) {
      if (q.subject.termType !== 'NamedNode') continue;
      const hash = q.subject.value.indexOf('#');
      if (hash < 0) continue;
      const doc = q.subject.value.slice(0, hash);
      const members = index.get(doc) ?? new Map<string, NamedNode>();
      members.set(q.subject.value, q.subject);
      index.set(doc, members);
    }
    return new Map([...index.entries()].map(([doc, members]) => [doc, [...members.values()].sort(compareTerms)]));
  }

  get baseIri(): string {
    return this.store.baseIri;
  }

  /** Outgoing triples of a subject (deduplicated across files). */
  async outgoing(subject: Quad_Subject): Promise<Quad[]> {
    return distinctTriples(await this.stated.match({ subject }));
  }

  async objects(subject: Quad_Subject, predicate: string): Promise<Quad_Object[]> {
    return distinctTriples(await this.stated.match({ subject, predicate: namedNode(predicate) })).map((q) => q.object);
  }

  /** Subjects that point at `object` with `predicate`, each once. */
  async subjects(predicate: string, object: Term): Promise<Quad_Subject[]> {
    const seen = new Set<string>();
    const out: Quad_Subject[] = [];
    for (const q of await this.stated.match({ predicate: namedNode(predicate), object })) {
      const key = termKey(q.subject);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(q.subject);
    }
    return out.sort(compareTerms);
  }

  /** Incoming triples from other subjects. */
  async incoming(object: NamedNode): Promise<Quad[]> {
    return distinctTriples(await this.stated.match({ object }));
  }

  /** In a fixed order (value, language, datatype): a store's own order of a subject's values is no order at all. */
  async literals(subject: Quad_Subject, predicate: string): Promise<Literal[]> {
    return (await this.objects(subject, predicate)).filter((t): t is Literal => t.termType === 'Literal').sort(compareLiterals);
  }

  async iris(subject: Quad_Subject, predicate: string): Promise<NamedNode[]> {
    return (await this.objects(subject, predicate)).filter((t): t is NamedNode => t.termType === 'NamedNode').sort(compareTerms);
  }

  types(subject: Quad_Subject): Promise<NamedNode[]> {
    return this.iris(subject, rdf('type'));
  }

  async hasType(subject: Quad_Subject, type: string): Promise<boolean> {
    return (await this.stated.match({ subject, predicate: namedNode(rdf('type')), object: namedNode(type) })).length > 0;
  }

  /** Class membership, following the subclass axioms the ontology states (an Arrest is an Event). */
  async isA(subject: Term, classIri: string): Promise<boolean> {
    if (subject.termType !== 'NamedNode' && subject.termType !== 'BlankNode') return false;
    const seen = new Set<string>();
    const queue = (await this.types(subject)).map((t) => t.value);
    while (queue.length > 0) {
      const type = queue.shift() as string;
      if (type === classIri) return true;
      if (seen.has(type)) continue;
      seen.add(type);
      queue.push(...(await this.iris(namedNode(type), rdfs('subClassOf'))).map((t) => t.value));
    }
    return false;
  }

  /** Whether the graph says anything about this subject. */
  async exists(subject: Quad_Subject): Promise<boolean> {
    return (await this.stated.match({ subject })).length > 0;
  }

  /** The triples that name a resource (rdfs:label, skos:prefLabel, schema:name, dct:title). */
  async labelTriples(subject: Quad_Subject): Promise<Quad[]> {
    const found = await Promise.all(labelPredicates.map((predicate) => this.stated.match({ subject, predicate })));
    return distinctTriples(found.flat());
  }

  /** The best stated label (English preferred), or undefined when the graph names it nowhere. */
  async label(subject: Term): Promise<string | undefined> {
    if (subject.termType !== 'NamedNode' && subject.termType !== 'BlankNode') return undefined;
    for (const predicate of labelPredicates) {
      const literals = (await this.stated.match({ subject, predicate })).map((q) => q.object).filter((t): t is Literal => t.termType === 'Literal');
      const english = literals.find((l) => l.language === 'en') ?? literals.find((l) => l.language === '') ?? literals[0];
      if (english) return english.value;
    }
    return undefined;
  }

  /** Every IRI the graph describes (has as subject) that falls under BASE_IRI. */
  async localSubjects(): Promise<NamedNode[]> {
    const seen = new Map<string, NamedNode>();
    for await (const q of this.stated.matchStream({})) {
      if (q.subject.termType === 'NamedNode' && q.subject.value.startsWith(this.baseIri)) seen.set(q.subject.value, q.subject);
    }
    return [...seen.values()].sort(compareTerms);
  }
}

/** Stable order for output: by IRI or value. */
export function compareTerms(a: Term, b: Term): number {
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

function compareLiterals(a: Literal, b: Literal): number {
  const key = (l: Literal) => [l.value, l.language, l.datatype.value];
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] as string) < (y[i] as string) ? -1 : 1;
  return 0;
}
