// HTTP caching for every GET: an ETag from the dataset version and the representation, 304 on If-None-Match.
import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';

/**
 * Responses are a pure function of the request and the dataset version, so a validator built from the version
 * and a hash of the bytes sent (which covers the representation chosen) is exact and identical on every replica.
 * Routes may set their own ETag first (e.g. a memoised dump); it is kept. Streams and `no-store` answers are left alone.
 */
export const defaultCacheControl = 'public, max-age=0, must-revalidate';

export const etagPlugin = fp(
  async (app) => {
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
      if (reply.statusCode !== 200) return payload;
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      const cacheControl = String(reply.getHeader('cache-control') ?? '');
      if (cacheControl.includes('no-store')) return payload;
      let etag = reply.getHeader('etag') as string | undefined;
      if (etag === undefined) {
        const digest = createHash('sha256')
          .update(String(reply.getHeader('content-type') ?? ''))
          .update('\0')
          .update(payload)
          .digest('base64url');
        etag = `"${app.store.version}-${digest.slice(0, 22)}"`;
        reply.header('etag', etag);
      }
      if (!cacheControl) reply.header('cache-control', defaultCacheControl);
      if (matches(request.headers['if-none-match'], etag)) {
        reply.code(304);
        reply.removeHeader('content-length');
        reply.removeHeader('content-type');
        return '';
      }
      return payload;
    });
  },
  { name: 'casegraph-etag', fastify: '5.x', decorators: { fastify: ['store'] } },
);

/** If-None-Match: `*` or a list of (possibly weak) tags; weak comparison, as RFC 9110 asks for GET. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const strip = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => strip(tag) === strip(etag));
}
