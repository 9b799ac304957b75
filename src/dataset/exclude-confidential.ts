// Keeps confidential resources and graphs out of the public store: an allow-list applied while the dataset is read, never a query filter.
import type { Quad, Term } from '@rdfjs/types';
import { casegraphNamespaces, xsd } from '../vocabulary/namespaces.js';

/** What a dataset marks with `cg:confidential true`: resources and named graphs that must never be published. */
export interface ConfidentialMarks {
  readonly iris: ReadonlySet<string>;
  /** The marker predicate's IRI; its own triples are never published either. */
  readonly predicate: string;
}

/** The word every spelling of the marker contains (`cg:confidential`, the full IRI): files without it cannot mark anything. */
export const confidentialMarker = 'confidential';

/** Collects the IRIs marked `cg:confidential true` (or `"1"^^xsd:boolean`) in already parsed quads. */
export function findConfidential(quads: Iterable<Quad>, baseIri: string, into = new Set<string>()): ConfidentialMarks {
  const predicate = casegraphNamespaces(baseIri).cg('confidential');
  for (const quad of quads) {
    if (quad.predicate.value !== predicate || quad.subject.termType !== 'NamedNode') continue;
    const { object } = quad;
    if (object.termType === 'Literal' && object.datatype.value === xsd('boolean') && (object.value === 'true' || object.value === '1'))
      into.add(quad.subject.value);
  }
  return { iris: into, predicate };
}

/**
 * One file's quads without anything confidential: quads in a marked graph, quads naming a marked resource as subject,
 * object or graph (also inside a triple term), the markers themselves, and blank nodes reachable only through what
 * was dropped (a contact's address written as `[ ... ]`). Blank node labels are per file, so one file is enough.
 */
export function excludeConfidential(quads: readonly Quad[], marks: ConfidentialMarks): Quad[] {
  if (marks.iris.size === 0 && !quads.some((q) => q.predicate.value === marks.predicate)) return quads as Quad[];
  const names = (term: Term): boolean =>
    (term.termType === 'NamedNode' && marks.iris.has(term.value)) ||
    (term.termType === 'Quad' && (names(term.subject) || names(term.object) || names(term.graph)));
  const dropped = new Set<Quad>();
  const hidden = new Set<string>();
  const hide = (quad: Quad): void => {
    dropped.add(quad);
    if (quad.object.termType === 'BlankNode') hidden.add(quad.object.value);
  };
  for (const quad of quads) {
    if (quad.predicate.value === marks.predicate || names(quad.subject) || names(quad.object) || names(quad.graph)) hide(quad);
  }
  // Blank nodes hanging off what was dropped go too, however deep: repeat until nothing more is hidden.
  for (let before = -1; hidden.size !== before;) {
    before = hidden.size;
    for (const quad of quads) if (!dropped.has(quad) && quad.subject.termType === 'BlankNode' && hidden.has(quad.subject.value)) hide(quad);
  }
  return quads.filter((quad) => !dropped.has(quad));
}
