// One CSV per main class: one row per resource, IRI column first, ISO dates, several values joined with " | ".
import type { NamedNode, Quad_Subject } from '@rdfjs/types';
import { casegraphNamespaces, dct, owl, prov, rdf, rdfs, schema } from '../vocabulary/namespaces.js';
import { csvField } from '../formats/csv-field.js';
import { compareTerms, type ResourceGraph } from './resource-graph.js';

export interface CsvTable {
  /** File name, e.g. `persons.csv`. */
  readonly name: string;
  readonly description: string;
  readonly classIri: (base: string) => string;
  readonly columns: ReadonlyArray<{ readonly header: string; readonly predicate: (base: string) => string }>;
}

const cgTerm = (local: string) => (base: string) => casegraphNamespaces(base).cg(local);
const fixed = (iri: string) => () => iri;
const col = (header: string, predicate: (base: string) => string) => ({ header, predicate });
const label = col('label', fixed(rdfs('label')));
const types = col('types', fixed(rdf('type')));
const sources = col('sources', fixed(prov('wasDerivedFrom')));

export const csvTables: readonly CsvTable[] = [
  {
    name: 'persons.csv',
    description: 'Persons',
    classIri: fixed(schema('Person')),
    columns: [
      label,
      col('name', fixed(schema('name'))),
      col('stated_age', cgTerm('statedAge')),
      col('gender', fixed(schema('gender'))),
      col('ethnicity', cgTerm('ethnicity')),
      col('spouse', fixed(schema('spouse'))),
      col('home_location', fixed(schema('homeLocation'))),
      col('same_as', fixed(owl('sameAs'))),
      sources,
    ],
  },
  {
    name: 'cases.csv',
    description: 'Cases',
    classIri: cgTerm('Case'),
    columns: [
      label,
      col('person', cgTerm('concernsPerson')),
      col('charges', cgTerm('charge')),
      col('sentence_types', cgTerm('sentenceType')),
      col('held_at', cgTerm('heldAt')),
      col('punished_by', cgTerm('punishedBy')),
      col('reason', cgTerm('reason')),
      col('context', cgTerm('context')),
      col('events', cgTerm('hasEvent')),
      sources,
    ],
  },
  {
    name: 'events.csv',
    description: 'Events (arrests, trials, opinions, awards, campaigns, …)',
    classIri: cgTerm('Event'),
    columns: [
      types,
      label,
      col('date', fixed(dct('date'))),
      col('place', cgTerm('place')),
      col('agents', cgTerm('agent')),
      col('persons', cgTerm('concernsPerson')),
      col('campaign_for', cgTerm('campaignFor')),
      col('occurred_after', cgTerm('occurredAfter')),
      col('occurred_before', cgTerm('occurredBefore')),
      col('description', fixed(schema('description'))),
      sources,
    ],
  },
  {
    name: 'sources.csv',
    description: 'Sources',
    classIri: cgTerm('Source'),
    columns: [
      label,
      col('title', fixed(dct('title'))),
      col('publisher', fixed(dct('publisher'))),
      col('date', fixed(dct('date'))),
      col('url', fixed(schema('url'))),
      col('references', fixed(dct('references'))),
      sources,
    ],
  },
  {
    name: 'organisations.csv',
    description: 'Organisations',
    classIri: fixed(schema('Organization')),
    columns: [types, label, col('name', fixed(schema('name'))), col('description', fixed(schema('description'))), sources],
  },
  {
    name: 'places.csv',
    description: 'Places',
    classIri: fixed(schema('Place')),
    columns: [types, label, col('name', fixed(schema('name'))), col('contained_in', fixed(schema('containedInPlace'))), sources],
  },
];

/** The rows of one table: every resource of the class (subclasses included), in IRI order. */
export function buildCsv(graph: ResourceGraph, table: CsvTable): string {
  const base = graph.baseIri;
  const classIri = table.classIri(base);
  const members = new Map<string, Quad_Subject>();
  for (const q of graph.store.match({ predicate: { termType: 'NamedNode', value: rdf('type') } as NamedNode })) {
    if (q.subject.termType === 'NamedNode' && !members.has(q.subject.value) && graph.isA(q.subject, classIri)) members.set(q.subject.value, q.subject);
  }
  const lines = [['iri', ...table.columns.map((c) => c.header)].map(csvField).join(',')];
  for (const subject of [...members.values()].sort(compareTerms)) {
    const cells = table.columns.map((c) =>
      graph
        .objects(subject, c.predicate(base))
        .sort(compareTerms)
        .map((t) => t.value)
        .join(' | '),
    );
    lines.push([subject.value, ...cells].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
