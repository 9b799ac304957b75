// The one rule for "this person exists", behind every /api/persons/{id} route and `casegraph cite`: a well-formed id whose IRI is a schema:Person.
import { DataFactory } from 'n3';
import type { NamedNode } from '@rdfjs/types';
import { NotFoundError } from '../errors/casegraph-error.js';
import type { GraphStore } from '../store/graph-store.js';
import { rdf, schema } from '../vocabulary/namespaces.js';
import { isPersonId, personIri } from '../vocabulary/person-iri.js';

const { namedNode } = DataFactory;

/** The person's IRI, or a 404 naming the id when it names no schema:Person. */
export function resolvePerson(store: GraphStore, id: string): NamedNode {
  const subject = isPersonId(id) ? namedNode(personIri(store.baseIri, id)) : undefined;
  if (!subject || store.match({ subject, predicate: namedNode(rdf('type')), object: namedNode(schema('Person')) }).length === 0) {
    throw new NotFoundError(`no person with id ${JSON.stringify(id)}`);
  }
  return subject;
}
