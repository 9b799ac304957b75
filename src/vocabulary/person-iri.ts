// Person ids (the {id} of /api/persons/{id} and its sub-routes) and the IRIs they stand for: one rule for every route.
import { NotFoundError } from '../errors/casegraph-error.js';
import { casegraphNamespaces } from './namespaces.js';

/** Person ids are the slugs the data uses (`gulmire-imin`): lower-case letters, digits and single hyphens. */
export const personIdPattern = '^[a-z0-9]+(-[a-z0-9]+)*$';
const personId = new RegExp(personIdPattern);

export function isPersonId(id: string): boolean {
  return personId.test(id);
}

/** The person IRI for an id; an id that cannot name a person is a 404. */
export function personIri(baseIri: string, id: string): string {
  if (!isPersonId(id)) throw new NotFoundError(`no person with id ${JSON.stringify(id)}`);
  return casegraphNamespaces(baseIri).id(`person/${id}`);
}
