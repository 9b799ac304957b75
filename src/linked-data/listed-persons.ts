// The persons casegraph lists (/api/persons, the home page): those /api/persons/{id} can answer, in IRI order.
import { DataFactory } from 'n3';
import type { NamedNode } from '@rdfjs/types';
import { rdf, relativeNamespaces, schema } from '../vocabulary/namespaces.js';
import { isPersonId } from '../vocabulary/person-iri.js';
import type { ResourceGraph } from './resource-graph.js';

const { namedNode } = DataFactory;

/** Every schema:Person at `{base}id/person/{id}` whose id the one person-id rule allows, each once. */
export async function listedPersons(graph: ResourceGraph): Promise<NamedNode[]> {
  const prefix = graph.baseIri + relativeNamespaces.person;
  const persons = (await graph.store.match({ predicate: namedNode(rdf('type')), object: namedNode(schema('Person')) }))
    .map((q) => q.subject)
    .filter((s): s is NamedNode => s.termType === 'NamedNode' && s.value.startsWith(prefix) && isPersonId(s.value.slice(prefix.length)));
  return [...new Map(persons.map((p) => [p.value, p])).values()].sort((a, b) => (a.value < b.value ? -1 : 1));
}
