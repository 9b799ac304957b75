// Shares the saved-query catalog (queries/**/*.rq) with every route as the `queryCatalog` decorator.
import fp from 'fastify-plugin';
import type { QueryCatalog } from './load-query-catalog.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Saved research queries, loaded and checked at startup. */
    queryCatalog: QueryCatalog;
  }
}

export interface QueryCatalogPluginOptions {
  readonly catalog: QueryCatalog;
}

export const queryCatalogPlugin = fp<QueryCatalogPluginOptions>(
  async (app, { catalog }) => {
    app.decorate('queryCatalog', catalog);
  },
  { name: 'casegraph-query-catalog', fastify: '5.x' },
);
