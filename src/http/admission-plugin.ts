// Shares one AdmissionControl, sized from the settings, as the `admission` decorator, with the client each request counts against.
import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config/load-config.js';
import type { GraphStore, QueryRequest } from '../store/graph-store.js';
import { AdmissionControl, type Ticket } from './admission-control.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Admission control for SPARQL queries (see README, "Fair use and load"). */
    admission: AdmissionControl;
  }
}

export interface AdmissionPluginOptions {
  readonly config: Config;
}

export const admissionPlugin = fp<AdmissionPluginOptions>(
  async (app, { config }) => {
    app.decorate(
      'admission',
      new AdmissionControl({
        capacity: config.workers,
        reserved: config.reservedWorkers,
        queueSize: config.queryQueueSize,
        perClient: config.queriesPerClient,
        cheapMs: config.cheapQueryMs,
        budgetMs: config.queryBudgetMs,
      }),
    );
  },
  { name: 'casegraph-admission', fastify: '5.x' },
);

/**
 * The client a request counts against: the API key header's value when API_KEY_HEADER is set and sent, else the
 * remote address. The key is kept only as a hash, and only as long as the limits need it.
 */
export function clientOf(request: FastifyRequest, apiKeyHeader: string | undefined): string {
  const key = apiKeyHeader === undefined ? undefined : request.headers[apiKeyHeader];
  if (typeof key === 'string' && key !== '') return `key:${hash(key)}`;
  return `ip:${request.ip}`;
}

/** Names an ad-hoc query by what decides its cost: its text and its dataset. */
export function queryKey(request: Pick<QueryRequest, 'query' | 'defaultGraphs' | 'namedGraphs'>): string {
  return hash(JSON.stringify([request.query, request.defaultGraphs ?? null, request.namedGraphs ?? null]));
}

/** The store as one request sees it: every query goes through admission under that request's client. */
export function admittedStore(store: GraphStore, admission: AdmissionControl, ticket: Omit<Ticket, 'deadlineMs'>, defaultDeadlineMs: number): GraphStore {
  return {
    version: store.version,
    baseIri: store.baseIri,
    size: store.size,
    graphs: store.graphs,
    match: (pattern) => store.match(pattern),
    matchStream: (pattern) => store.matchStream(pattern),
    query: (request) => {
      const deadlineMs = Math.min(request.timeoutMs ?? defaultDeadlineMs, defaultDeadlineMs);
      return admission.run({ ...ticket, deadlineMs }, (remainingMs) => store.query({ ...request, timeoutMs: remainingMs }));
    },
    close: () => store.close(),
  };
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
