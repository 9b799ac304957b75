// The one rule for "this person exists", behind every /api/persons/{id} route and `casegraph cite`: a well-formed id whose IRI is a schema:Person.
import { DataFactory } from 'n3';
import type { NamedNode } from '@rdfjs/types';
import { NotFoundError } from '../errors/casegraph-error.js';
import { ResourceGraph } from '../linked-data/index.js';
import type { GraphStore } from '../store/graph-store.js';
import { schema } from '../vocabulary/namespaces.js';
import { personIri } from '../vocabulary/person-iri.js';

/** The person's IRI, or a 404 naming the id when it names no schema:Person. */
export async function resolvePerson(store: GraphStore, id: string): Promise<NamedNode> {
  // personIri already answers an id that cannot name a person with this same 404.
  const subject = DataFactory.namedNode(personIri(store.baseIri, id));
  if (!(await new ResourceGraph(store).hasType(subject, schema('Person')))) throw new NotFoundError(`no person with id ${JSON.stringify(id)}`);
  return subject;
}
