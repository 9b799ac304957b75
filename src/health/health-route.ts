// GET /health: whether the graph is loaded, how big it is, which dataset version answers, and the response cache's counters.
import type { FastifyPluginAsync } from 'fastify';
import type { ResponseCacheStats } from '../http/response-cache.js';

export interface Health {
  readonly status: 'ready';
  readonly triples: number;
  readonly graphs: number;
  readonly version: string;
  readonly cache: ResponseCacheStats;
}

const counter = { type: 'integer', minimum: 0 };
const healthSchema = {
  summary: 'Readiness: the graph is loaded; its size, dataset version and response cache counters (never cached)',
  response: {
    200: {
      description: 'Ready',
      type: 'object',
      required: ['status', 'triples', 'graphs', 'version', 'cache'],
      properties: {
        status: { const: 'ready' },
        triples: { type: 'integer' },
        graphs: { type: 'integer' },
        version: { type: 'string' },
        cache: {
          description: 'The response cache since start (CACHE_MB): lookups that hit and missed, entries evicted and answers too large to keep, bytes held',
          type: 'object',
          required: ['enabled', 'hits', 'misses', 'evictions', 'tooLarge', 'entries', 'bytes', 'maxBytes'],
          properties: {
            enabled: { type: 'boolean' },
            hits: counter,
            misses: counter,
            evictions: counter,
            tooLarge: counter,
            entries: counter,
            bytes: counter,
            maxBytes: counter,
          },
          additionalProperties: false,
        },
      },
    },
  },
};

/** Needs the `store` and `responseCache` decorators. */
export const healthRoute: FastifyPluginAsync = async (app) => {
  // Live counters: kept out of the response cache as well as out of HTTP caches.
  app.get('/health', { schema: healthSchema, config: { cache: false } }, async (_request, reply): Promise<Health> => {
    // Answered on the main thread without touching the query workers, so it stays quick while queries run.
    reply.header('cache-control', 'no-store');
    return { status: 'ready', triples: app.store.size, graphs: app.store.graphs.length, version: app.store.version, cache: app.responseCache.stats() };
  });
};
