// The public face of /api/persons: the plugin, and the claims reader `casegraph cite` shares with the routes.
export { personsPlugin, personsTags } from './persons-plugin.js';
export { citationQueries } from './citation-queries.js';
export { readPersonClaims } from './read-person-claims.js';
export { resolvePerson } from './resolve-person.js';
