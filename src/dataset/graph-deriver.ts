// What load time adds beside the files: each dated node's interval and the RDFS sub-class/sub-property closure of our own ontology, each in a named graph of its own.
import { DataFactory } from 'n3';
import type { Quad, Quad_Object, Quad_Subject, Term } from '@rdfjs/types';
import { casegraphNamespaces, dct, rdf, rdfs, relativeNamespaces, xsd } from '../vocabulary/namespaces.js';
import { dateInterval, type DateInterval } from './date-interval.js';

const { namedNode, literal, quad } = DataFactory;

/** A derived graph: its IRI, a name for logs and listings, and its quads. */
export interface DerivedGraph {
  readonly iri: string;
  /** Stands where a loaded graph names its file: what the graph holds, in words. */
  readonly label: string;
  readonly quads: readonly Quad[];
}

/** The IRIs of the derived graphs under a base: a data file can never be loaded into one of them. */
export function derivedGraphIris(base: string): { readonly dateIntervals: string; readonly entailment: string } {
  return { dateIntervals: base + relativeNamespaces.dateIntervalsGraph, entailment: base + relativeNamespaces.entailmentGraph };
}

/**
 * Sees every loaded quad once (observe), then derives (finish). The closure is taken from `axioms` alone, the
 * quads of our ontology files: a data file that states rdfs:subClassOf entails nothing, so no file can make the
 * store infer what our ontology does not say. Entailed triples already stated somewhere are left out.
 */
export class GraphDeriver {
  private readonly superClasses: Map<string, Quad_Object[]>;
  private readonly superProperties: Map<string, Array<Quad['predicate']>>;
  /** Keys of stated triples that an entailed triple could repeat (rdf:type of a super-class, a super-property). */
  private readonly stated = new Set<string>();
  private readonly entailed = new Map<string, Quad>();
  private readonly intervals = new Map<string, { subject: Quad_Subject; interval: DateInterval }>();
  private readonly ns;
  private readonly targets: { readonly classes: Set<string>; readonly properties: Set<string> };

  constructor(
    private readonly base: string,
    axioms: Iterable<Quad>,
  ) {
    this.ns = casegraphNamespaces(base);
    const classEdges = new Map<string, Quad_Object[]>();
    const propertyEdges = new Map<string, Array<Quad['predicate']>>();
    for (const axiom of axioms) {
      if (axiom.object.termType !== 'NamedNode' || axiom.subject.termType !== 'NamedNode') continue;
      if (axiom.predicate.value === rdfs('subClassOf')) push(classEdges, axiom.subject.value, axiom.object);
      if (axiom.predicate.value === rdfs('subPropertyOf')) push(propertyEdges, axiom.subject.value, axiom.object);
    }
    this.superClasses = closure(classEdges);
    this.superProperties = closure(propertyEdges);
    this.targets = {
      classes: new Set([...this.superClasses.values()].flat().map((t) => t.value)),
      properties: new Set([...this.superProperties.values()].flat().map((t) => t.value)),
    };
    // The closure of the schema itself: cg:Arrest is a sub-class of schema:Event through cg:Event.
    for (const [edges, closed, predicate] of [
      [classEdges, this.superClasses, rdfs('subClassOf')],
      [propertyEdges, this.superProperties, rdfs('subPropertyOf')],
    ] as const) {
      for (const [sub, supers] of closed) {
        const direct = new Set((edges.get(sub) ?? []).map((t) => t.value));
        for (const sup of supers) if (!direct.has(sup.value)) this.entail(quad(namedNode(sub), namedNode(predicate), sup));
      }
    }
  }

  observe(q: Quad): void {
    const predicate = q.predicate.value;
    if (predicate === dct('date') && q.object.termType === 'Literal') this.addDate(q.subject, dateInterval(q.object));
    if (q.subject.termType === 'Quad' || q.object.termType === 'Quad') return;
    if (predicate === rdf('type')) {
      if (this.targets.classes.has(q.object.value)) this.stated.add(tripleId(q));
      for (const sup of this.superClasses.get(q.object.value) ?? []) this.entail(quad(q.subject, q.predicate, sup));
      return;
    }
    if (this.targets.properties.has(predicate)) this.stated.add(tripleId(q));
    for (const sup of this.superProperties.get(predicate) ?? []) this.entail(quad(q.subject, sup, q.object));
  }

  /** The derived graphs, in a fixed order, each sorted so the same data always gives the same quads. */
  finish(): DerivedGraph[] {
    const iris = derivedGraphIris(this.base);
    const dates = namedNode(iris.dateIntervals);
    const day = (value: string) => literal(value, namedNode(xsd('date')));
    const dateQuads = [...this.intervals.values()].flatMap(({ subject, interval }) => [
      quad(subject, namedNode(this.ns.cg('earliestDate')), day(interval.earliest), dates),
      quad(subject, namedNode(this.ns.cg('latestDate')), day(interval.latest), dates),
    ]);
    const entailment = namedNode(iris.entailment);
    const entailedQuads = [...this.entailed.entries()]
      .filter(([key]) => !this.stated.has(key))
      .map(([, q]) => quad(q.subject, q.predicate, q.object, entailment));
    return [
      {
        iri: iris.dateIntervals,
        label: 'Date intervals (cg:earliestDate, cg:latestDate) of every dct:date, derived at load time',
        quads: sortQuads(dateQuads),
      },
      {
        iri: iris.entailment,
        label: 'The RDFS sub-class and sub-property closure of the casegraph ontology, derived at load time',
        quads: sortQuads(entailedQuads),
      },
    ];
  }

  /** Several dates on one node (sources that disagree) give the interval spanning them all. */
  private addDate(subject: Quad_Subject, interval: DateInterval | undefined): void {
    if (!interval || subject.termType === 'Quad' || subject.termType === 'Variable') return;
    const key = termId(subject);
    const known = this.intervals.get(key)?.interval;
    const merged = known ? { earliest: min(known.earliest, interval.earliest), latest: max(known.latest, interval.latest) } : interval;
    this.intervals.set(key, { subject, interval: merged });
  }

  private entail(q: Quad): void {
    const key = tripleId(q);
    if (!this.entailed.has(key)) this.entailed.set(key, q);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every term reachable from each key (itself excluded, cycles allowed). */
function closure<T extends { readonly value: string }>(edges: Map<string, T[]>): Map<string, T[]> {
  const closed = new Map<string, T[]>();
  for (const start of edges.keys()) {
    const seen = new Map<string, T>();
    const queue = [...(edges.get(start) ?? [])];
    while (queue.length > 0) {
      const next = queue.shift() as T;
      if (next.value === start || seen.has(next.value)) continue;
      seen.set(next.value, next);
      queue.push(...(edges.get(next.value) ?? []));
    }
    closed.set(start, [...seen.values()]);
  }
  return closed;
}

function termId(t: Term): string {
  return t.termType === 'Literal' ? `"${t.value}"@${t.language}^^${t.datatype.value}` : `${t.termType}:${t.value}`;
}

/** Triple terms never reach here (observe skips them), so a term's type and value identify it. */
function tripleId(q: Quad): string {
  return `${termId(q.subject)}\u0000${termId(q.predicate)}\u0000${termId(q.object)}`;
}

function sortQuads(quads: Quad[]): Quad[] {
  const keyed = quads.map((q) => [tripleId(q), q] as const);
  keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return keyed.map(([, q]) => q);
}

const min = (a: string, b: string): string => (a < b ? a : b);
const max = (a: string, b: string): string => (a > b ? a : b);
