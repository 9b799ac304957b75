// Turns the {id} of /api/persons/{id}/… into the person's IRI; an id that cannot name a person is a 404.
import { NotFoundError } from '../errors/casegraph-error.js';
import { casegraphNamespaces } from '../vocabulary/namespaces.js';

/** Person ids are the slugs the data uses (`gulmire-imin`): lower-case letters, digits and single hyphens. */
const personId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function personIri(baseIri: string, id: string): string {
  if (!personId.test(id)) throw new NotFoundError(`no person with id ${JSON.stringify(id)}`);
  return casegraphNamespaces(baseIri).id(`person/${id}`);
}
