// The one place where errors become HTTP answers: typed errors keep their status, 4xx say what went wrong, 5xx say little.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  BadRequestError,
  CasegraphError,
  MethodNotAllowedError,
  NotFoundError,
  QueryMemoryError,
  StoreUnavailableError,
  QueryTimeoutError,
  ServiceBusyError,
  TooManyRequestsError,
  type ErrorLocation,
} from '../errors/casegraph-error.js';
import { isValidationError, validationMessage } from './validation-message.js';
import { queryHash } from './query-hash.js';

export interface HttpError {
  readonly status: number;
  readonly message: string;
}

/** Maps any thrown value to a status and a one-line message fit to show the client. */
export function toHttpError(error: unknown): HttpError {
  let status = 500;
  let message = 'internal server error';
  if (error instanceof CasegraphError) {
    status = error.status;
    message = withLocation(error.message, error.location);
  } else if (isFastifyClientError(error)) {
    status = error.statusCode;
    message = error.message;
  }
  // 5xx answers say little; the details go to the log only. A stopped query says which limit stopped it.
  if (status >= 500) {
    if (error instanceof QueryTimeoutError) message = 'the query was stopped: it ran past its time limit';
    else if (error instanceof QueryMemoryError) message = 'the query was stopped: it needed more memory than a query may use';
    else if (error instanceof ServiceBusyError) message = error.message;
    // Its message names no host, URL or credential: it is written for clients (src/backends/sparql).
    else if (error instanceof StoreUnavailableError) message = `the graph store is unavailable: ${error.message}`;
    else message = 'internal server error';
  }
  return { status, message: oneLine(message) };
}

function isFastifyClientError(error: unknown): error is FastifyError & { statusCode: number } {
  const statusCode = (error as FastifyError | undefined)?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}

/** "line 3, column 7: message" reads well in a terminal and in the browser editor. */
function withLocation(message: string, location: ErrorLocation | undefined): string {
  if (location?.line === undefined) return message;
  const where = location.column === undefined ? `line ${location.line}` : `line ${location.line}, column ${location.column}`;
  return `${where}: ${message}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function send(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // A request the route's schema refuses: the same one-line 400 a handler's own check would give.
  const { status, message } = toHttpError(isValidationError(error) ? new BadRequestError(validationMessage(error, request)) : error);
  if (error instanceof QueryTimeoutError || error instanceof QueryMemoryError) {
    // A stopped query is the limits doing their job, not our fault: one info line, no stack, and a hash instead of
    // the query, so the log keeps no requester data beyond what tells repeats apart.
    request.log.info({ stopped: error.name, queryHash: queryHash(request), elapsedMs: Math.round(reply.elapsedTime) }, error.message);
  } else if (error instanceof ServiceBusyError || error instanceof TooManyRequestsError) {
    request.log.info({ refused: error.name, elapsedMs: Math.round(reply.elapsedTime) }, error.message);
  } else if (status >= 500) request.log.error({ err: error }, 'request failed');
  if (error instanceof ServiceBusyError || error instanceof TooManyRequestsError) reply.header('retry-after', String(error.retryAfterSeconds));
  if (error instanceof MethodNotAllowedError) reply.header('allow', error.allow.join(', '));
  return reply.code(status).type('text/plain; charset=utf-8').send(`${message}\n`);
}

/**
 * For Fastify's `frameworkErrors` option: errors raised before routing (a path with broken percent-encoding)
 * never reach setErrorHandler, and would otherwise answer Fastify's own JSON.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  send(error, request, reply);
}

export const errorHandler = fp(
  async (app) => {
    app.setErrorHandler((error, request, reply) => send(error, request, reply));
    app.setNotFoundHandler((request, reply) => send(new NotFoundError(`nothing at ${request.method} ${request.url.split('?')[0]}`), request, reply));
  },
  { name: 'casegraph-error-handler', fastify: '5.x' },
);
