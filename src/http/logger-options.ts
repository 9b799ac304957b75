// Fastify's (pino) logger settings: JSON lines with request ids and timings, and nothing that identifies the requester.
import type { FastifyServerOptions } from 'fastify';
import type { LogLevel } from '../config/load-config.js';

interface LoggedRequest {
  readonly method?: string;
  readonly url?: string;
}

interface LoggedReply {
  readonly statusCode?: number;
}

/**
 * Requests are logged by method and path only: Fastify's default would add the client's address and port, and a
 * query string may carry a whole SPARQL query. Neither is kept; queries are named by hash (`queryHash`) where
 * they are logged. Headers are never logged. Each line carries Fastify's `reqId`, and "request completed" the
 * `responseTime` in milliseconds.
 */
export function loggerOptions(level: LogLevel, stream?: NodeJS.WritableStream): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: LoggedRequest) => ({ method: request.method, path: request.url?.split('?')[0] }),
      res: (reply: LoggedReply) => ({ statusCode: reply.statusCode }),
    },
  };
}
