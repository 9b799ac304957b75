// The public face of the SPARQL endpoint: its routes, its path and the headers it sets.
export { sparqlRoute, sparqlPath, truncatedHeader, versionHeader } from './sparql-route.js';
export { editorAssetsRoute } from './editor-assets-route.js';
export { sparqlTag } from './sparql-schemas.js';
