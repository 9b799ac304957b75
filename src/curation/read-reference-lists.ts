// The controlled lists, places, organisations and sources already in the data, looked up by their labels as a case worker writes them.
import { DataFactory, type Quad, type Store } from 'n3';

import { casegraphNamespaces, rdf, rdfs, schema, skos } from '../vocabulary/namespaces.js';

const { namedNode } = DataFactory;

export interface ReferenceEntry {
  readonly iri: string;
  /** The label shown when listing the known values. */
  readonly label: string;
}

export interface ReferenceList {
  readonly entries: readonly ReferenceEntry[];
  find(text: string): ReferenceEntry | undefined;
}

export interface ReferenceSource {
  readonly iri: string;
  readonly held: boolean;
}

export interface ReferenceLists {
  readonly charges: ReferenceList;
  readonly sentenceTypes: ReferenceList;
  readonly places: ReferenceList;
  readonly organisations: ReferenceList;
  /** Sources by schema:url and by `source:{slug}`. */
  readonly sources: ReadonlyMap<string, ReferenceSource>;
  /** Every subject IRI in the data, with a file that describes it (for the collision check). */
  readonly subjects: ReadonlyMap<string, string>;
}

/** Case, spacing and typographic apostrophes do not make two names differ. */
export function normaliseLabel(text: string): string {
  return text.normalize('NFC').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Reads the lists from `store`; `fileOf` maps a graph IRI to its file name (graphs it lacks are ignored). */
export function readReferenceLists(store: Store, baseIri: string, fileOf: ReadonlyMap<string, string>): ReferenceLists {
  const ns = casegraphNamespaces(baseIri);
  const quads = store.getQuads(null, null, null, null).filter((q) => fileOf.has(q.graph.value));
  const subjects = new Map<string, string>();
  for (const q of quads)
    if (q.subject.termType === 'NamedNode' && !subjects.has(q.subject.value)) subjects.set(q.subject.value, fileOf.get(q.graph.value) ?? '');
  const inFiles = (found: readonly Quad[]) => found.filter((q) => fileOf.has(q.graph.value));
  const objects = (s: string, p: string) => [...new Set(inFiles(store.getQuads(namedNode(s), namedNode(p), null, null)).map((q) => q.object.value))];
  const subjectsWith = (p: string, o: string) => [...new Set(inFiles(store.getQuads(null, namedNode(p), namedNode(o), null)).map((q) => q.subject.value))];

  const list = (members: readonly string[], labelPredicates: readonly string[]): ReferenceList => {
    const entries = members
      .map((iri) => ({ iri, labels: labelPredicates.flatMap((p) => objects(iri, p)) }))
      .filter((e) => e.labels.length > 0)
      .map((e) => ({ iri: e.iri, label: e.labels[0] ?? e.iri, labels: e.labels.map(normaliseLabel) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'en'));
    return {
      entries: entries.map(({ iri, label }) => ({ iri, label })),
      find: (text) => entries.find((e) => e.labels.includes(normaliseLabel(text))),
    };
  };
  const conceptLabels = [skos('prefLabel'), rdfs('label'), skos('altLabel')];
  const namedLabels = [schema('name'), rdfs('label'), skos('altLabel')];

  const sources = new Map<string, ReferenceSource>();
  for (const iri of subjectsWith(rdf('type'), ns.cg('Source'))) {
    const held = objects(iri, ns.cg('heldCopy')).length > 0;
    if (iri.startsWith(ns.id('source/'))) sources.set(`source:${iri.slice(ns.id('source/').length)}`, { iri, held });
    for (const url of objects(iri, schema('url'))) sources.set(url, { iri, held });
  }
  return {
    charges: list(subjectsWith(skos('inScheme'), ns.cg('Charges')), conceptLabels),
    sentenceTypes: list(subjectsWith(skos('inScheme'), ns.cg('SentenceTypes')), conceptLabels),
    places: list(subjectsWith(rdf('type'), schema('Place')), namedLabels),
    organisations: list(subjectsWith(rdf('type'), schema('Organization')), namedLabels),
    sources,
    subjects,
  };
}
