// Answers a repeated GET from memory: a bounded cache of whole responses, keyed by dataset version and request.
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { ResponseCache, type CachedResponse } from './response-cache.js';
import { responseCacheKey } from './response-cache-key.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's cache of answers; it dies with the app, so no two apps share an entry. */
    responseCache: ResponseCache;
  }
  interface FastifyContextConfig {
    /** `false` keeps a route's answers out of the cache (e.g. /health, which reports live counters). */
    cache?: boolean;
  }
}

/** Response header saying whether the answer came from the cache: `hit` or `miss`. */
export const cacheStatusHeader = 'x-cache';

/**
 * Headers of one exchange, not of the representation: recomputed for every request (CORS from its Origin,
 * the date, the connection, the length) or this plugin's own mark.
 */
const perRequestHeaders = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'set-cookie', cacheStatusHeader]);
const isPerRequest = (name: string): boolean => perRequestHeaders.has(name) || name.startsWith('access-control-');

/**
 * Every answer is a function of the request and the dataset version, so a 200 to a GET or HEAD is kept and
 * served again until it is evicted. The lookup runs in onRequest, after CORS (registered before this plugin)
 * has set its headers and before validation and the handler; a hit is sent through the usual onSend hooks,
 * so the ETag plugin still answers If-None-Match with a 304, with the stored tag and no hashing. The store
 * runs in onSend after the ETag plugin, so the tag is kept with the bytes. A client's `Cache-Control: no-cache`
 * is not a reason to skip the cache: the answer it would get cannot differ.
 */
export const responseCachePlugin = fp<{ readonly maxBytes: number }>(
  async (app, { maxBytes }) => {
    const cache = new ResponseCache({ maxBytes });
    app.decorate('responseCache', cache);
    if (!cache.enabled) return;
    // Keys of the misses in flight, to store their answers; the hits, so they are not stored again.
    const pending = new WeakMap<FastifyRequest, string>();
    const served = new WeakSet<FastifyRequest>();

    app.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      // No route (a 404) or a route that opts out.
      if (request.routeOptions.url === undefined || request.routeOptions.config.cache === false) return;
      const key = responseCacheKey(app.store.version, { url: request.url, headers: request.headers });
      const hit = cache.get(key);
      if (!hit) {
        pending.set(request, key);
        reply.header(cacheStatusHeader, 'miss');
        return;
      }
      served.add(request);
      return reply.headers(hit.headers).header(cacheStatusHeader, 'hit').send(hit.body);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const key = pending.get(request);
      if (key === undefined || served.has(request) || reply.statusCode !== 200) return payload;
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      if (String(reply.getHeader('cache-control') ?? '').includes('no-store')) return payload;
      const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
      cache.set(key, { headers: representationHeaders(reply.getHeaders()), body });
      return payload;
    });
  },
  { name: 'casegraph-response-cache', fastify: '5.x', decorators: { fastify: ['store'] }, dependencies: ['casegraph-store', 'casegraph-etag'] },
);

function representationHeaders(headers: Record<string, number | string | string[] | undefined>): CachedResponse['headers'] {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || isPerRequest(name)) continue;
    kept[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return kept;
}
