// Builds the casegraph HTTP app (without listening): plugins registered explicitly, in this one order.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import cors from '@fastify/cors';
import type { Config } from './config/load-config.js';
import type { GraphStore } from './store/graph-store.js';
import { errorHandler, frameworkErrors } from './http/error-handler.js';
import { storePlugin } from './http/store-plugin.js';
import { admissionPlugin } from './http/admission-plugin.js';
import { etagPlugin } from './http/etag-plugin.js';
import { securityHeadersPlugin } from './http/security-headers-plugin.js';
import { responseCachePlugin } from './http/response-cache-plugin.js';
import { metricsPlugin } from './http/metrics-plugin.js';
import { openApiPlugin } from './http/openapi-plugin.js';
import { healthRoute } from './health/index.js';
import { editorAssetsRoute, sparqlRoute, sparqlTag, truncatedHeader, versionHeader } from './sparql-endpoint/index.js';
import { resultFormats } from './formats/result-formats.js';
import { editorExampleText, loadQueryCatalog, queryCatalogPlugin, savedQueriesTag, savedQueryRoutes, type QueryCatalog } from './queries/index.js';
import { linkedDataPlugin, linkedDataTag } from './linked-data/index.js';
import { personsPlugin, personsTags } from './persons/index.js';
import { reconciliationPlugin, reconciliationTag } from './reconciliation/index.js';
import { tablesPlugin, tablesTag } from './tables/index.js';

export interface BuildAppOptions {
  /** The graph, behind its port; the app closes it when it closes. */
  readonly store: GraphStore;
  readonly config: Config;
  readonly logger?: FastifyServerOptions['logger'];
  /** Saved research queries; read and checked from `{root}/queries/**\/*.rq` when not given. */
  readonly catalog?: QueryCatalog;
}

export function buildApp(options: BuildAppOptions): FastifyInstance {
  const { store, config } = options;
  const catalog = options.catalog ?? loadQueryCatalog(config.root, config.baseIri);
  // The editor's menu offers the saved queries, labelled by their grlc summary, parameters bound as the API binds them.
  const examples = catalog.queries.map((query) => ({ file: query.file, summary: query.summary, query: editorExampleText(query, config.baseIri) }));
  const app = Fastify({
    logger: options.logger ?? false,
    // Ids the server makes up, never one a client sends (requestIdHeader is off): a log line cannot be forged onto another request.
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
    bodyLimit: 1024 * 1024,
    // Connection limits against slow and many clients (see README, "Configuration"). Node checks request deadlines
    // every connectionsCheckingInterval (30 s by default), which would let a trickling client hold on far longer.
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    maxRequestsPerSocket: config.maxRequestsPerSocket,
    http: { headersTimeout: config.requestTimeoutMs, connectionsCheckingInterval: Math.min(1_000, config.requestTimeoutMs) },
    frameworkErrors,
    // Defaults stay documented in the schemas but are applied by the handlers, so a request keeps only what the
    // client sent (pagination links repeat exactly those parameters).
    ajv: { customOptions: { useDefaults: false } },
    // Response schemas describe the answers for the OpenAPI document; JSON bodies are still written by JSON.stringify,
    // so a schema that lags behind an answer cannot silently drop its keys (tests check answers against them).
    // Given as the factory, not setSerializerCompiler: a plugin that adds a shared schema rebuilds its compiler from
    // the factory, and would otherwise compile every response schema with fast-json-stringify (measured: half of startup).
    schemaController: { compilersFactory: { buildSerializer: () => () => (data: unknown) => JSON.stringify(data) } },
  });

  // Past the cap Node closes a new connection at once: cheaper than holding it, and the client may retry.
  app.server.maxConnections = config.maxConnections;

  // 1. Errors: one handler maps typed errors to status and a one-line message; security headers on every answer, errors too.
  app.register(errorHandler);
  app.register(securityHeadersPlugin);
  // 2. Services: the store and the settings, as decorators.
  app.register(storePlugin, { store, config });
  // Admission control for queries: a bounded queue, a share per client, workers kept for cheap queries (README, "Fair use and load").
  app.register(admissionPlugin, { config });
  app.register(queryCatalogPlugin, { catalog });
  app.register(openApiPlugin, { version: store.version, tags: [sparqlTag, savedQueriesTag, linkedDataTag, ...personsTags, reconciliationTag, tablesTag] });
  // ETag from the dataset version and the bytes, 304 on If-None-Match, for every GET (see README, "Caching").
  app.register(etagPlugin);
  // 3. CORS, so notebooks and pages on other origins can query (read-only, no credentials).
  app.register(cors, {
    origin: '*',
    methods: ['GET', 'HEAD', 'POST'],
    // ETag, Link and Content-Location let browser code revalidate and follow a resource's alternate forms.
    exposedHeaders: [truncatedHeader, versionHeader, 'etag', 'link', 'content-location', 'repr-digest'],
    maxAge: 86_400,
  });
  // 4. The response cache: after CORS, whose onRequest headers a hit keeps, and after the ETag hook, whose tag it
  // stores; a hit skips validation and the handler (see README, "Caching").
  app.register(responseCachePlugin, { maxBytes: config.cacheMb * 1024 * 1024 });
  // Prometheus /metrics, with this app's own registry; its onResponse hook counts every request (README, "Operations").
  app.register(metricsPlugin);
  // 5. Routes, which reach services only through the instance and their options.
  app.register(healthRoute);
  app.register(editorAssetsRoute);
  app.register(sparqlRoute, { formats: resultFormats, examples });
  app.register(savedQueryRoutes);
  app.register(linkedDataPlugin);
  app.register(personsPlugin);
  app.register(reconciliationPlugin);
  app.register(tablesPlugin);
  return app;
}
