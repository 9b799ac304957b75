// The public face of the saved research queries: the catalog, its decorator, the routes and one query's run.
export { loadQueryCatalog, type QueryCatalog } from './load-query-catalog.js';
export { queryCatalogPlugin } from './query-catalog-plugin.js';
export { savedQueryRoutes } from './saved-query-routes.js';
export { savedQueriesTag } from './saved-query-schemas.js';
export { parseQueryFile } from './parse-query-file.js';
export { runSavedQuery } from './run-saved-query.js';
export { editorExampleText } from './editor-example-text.js';
export type { SavedQuery } from './saved-query.js';
