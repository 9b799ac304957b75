// Names a request's query in the log by a hash, so repeats can be told apart without keeping what the requester sent.
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** The first 16 hex digits of SHA-256 over what the client sent as its query (URL and body), or undefined. */
export function queryHash(request: FastifyRequest): string | undefined {
  const sent = [(request.query as Record<string, unknown> | undefined)?.query, request.body].filter((part) => part !== undefined && part !== null);
  if (sent.length === 0) return undefined;
  return createHash('sha256').update(JSON.stringify(sent)).digest('hex').slice(0, 16);
}
