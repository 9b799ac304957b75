// The paths of the /api/persons family, written once: the list, one person, and the routes below a person.
import { relativeNamespaces } from '../vocabulary/namespaces.js';
import { personIdPattern } from '../vocabulary/person-iri.js';

/** `/api/persons`: the list. */
export const personsPath = `/${relativeNamespaces.personsApi}`;
/** `/api/persons/:id`: one person; claims, citations and the communication hang below it. */
export const personPath = `${personsPath}/:id`;

/**
 * The `:id` of every route below `personsPath`. Its pattern is only described: an id that cannot name a person
 * is a 404 like any unknown id (resolvePerson is the one rule), not a 400.
 */
export const personIdParams = {
  type: 'object',
  required: ['id'],
  properties: {
    id: {
      type: 'string',
      description: `The last segment of the person IRI, e.g. gulmire-imin for {base}id/person/gulmire-imin; it matches ${personIdPattern}`,
    },
  },
} as const;
