// The paths of the /api/persons family, written once: the list, one person, and the routes below a person.
import { relativeNamespaces } from '../vocabulary/namespaces.js';

/** `/api/persons`: the list. */
export const personsPath = `/${relativeNamespaces.personsApi}`;
/** `/api/persons/:id`: one person; claims, citations and the communication hang below it. */
export const personPath = `${personsPath}/:id`;
