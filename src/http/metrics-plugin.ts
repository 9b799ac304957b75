// Prometheus metrics at GET /metrics: one registry per app, shared as the `metrics` decorator; no process-wide registry.
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { opaqueAnswer } from './openapi-plugin.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's Prometheus registry (see README, "Operations"). */
    metrics: Registry;
  }
}

export const metricsPath = '/metrics';

/** Query times from a cheap lookup to the default deadline (30 s) and past it. */
const queryBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

const metricsSchema = {
  summary: 'Prometheus metrics: requests by route and status, query times, timeouts, the admission queue, cache hits, worker restarts',
  response: { 200: opaqueAnswer('The metrics in the Prometheus text format', ['text/plain; version=0.0.4; charset=utf-8']) },
};

/**
 * Needs the `store`, `admission` and `responseCache` decorators. Counters that others already keep (queue length,
 * cache hits, worker restarts) are read when scraped, so nothing else depends on this plugin; per-request and
 * per-query counts come from an onResponse hook and the admission observer.
 */
export const metricsPlugin = fp(
  async (app) => {
    // Each app its own registry: two apps in one process (tests, a bench) never share or double-register metrics.
    const registry = new Registry();
    const registers = [registry];
    app.decorate('metrics', registry);

    const requests = new Counter({
      name: 'casegraph_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern (not the URL, so the label set stays small) and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    });
    app.addHook('onResponse', async (request, reply) => {
      // Unmatched URLs (404s) share one label: a scanner walking random paths must not grow the series without bound.
      requests.inc({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) });
    });

    const queryTime = new Histogram({
      name: 'casegraph_query_duration_seconds',
      help: 'Time a SPARQL or saved query ran on a worker, by outcome (answered, timeout, memory, failed)',
      labelNames: ['outcome'] as const,
      buckets: queryBuckets,
      registers,
    });
    const timeouts = new Counter({
      name: 'casegraph_query_timeouts_total',
      help: 'Queries stopped at their deadline, on a worker (where: worker) or while waiting for one (where: queue)',
      labelNames: ['where'] as const,
      registers,
    });
    const stopObserving = app.admission.observe(({ outcome, ms }) => {
      if (outcome === 'expired') {
        timeouts.inc({ where: 'queue' });
        return;
      }
      if (outcome === 'timeout') timeouts.inc({ where: 'worker' });
      queryTime.observe({ outcome }, ms / 1000);
    });
    app.addHook('onClose', async () => stopObserving());

    new Gauge({
      name: 'casegraph_query_queue_length',
      help: 'Queries waiting for a worker (admission control)',
      registers,
      collect() {
        this.set(app.admission.stats().waiting);
      },
    });
    new Gauge({
      name: 'casegraph_queries_running',
      help: 'Queries running on a worker',
      registers,
      collect() {
        this.set(app.admission.stats().running);
      },
    });
    new Counter({
      name: 'casegraph_response_cache_hits_total',
      help: 'Answers served from the response cache',
      registers,
      collect() {
        this.reset();
        this.inc(app.responseCache.stats().hits);
      },
    });
    new Counter({
      name: 'casegraph_response_cache_misses_total',
      help: 'Response cache lookups that missed',
      registers,
      collect() {
        this.reset();
        this.inc(app.responseCache.stats().misses);
      },
    });
    new Counter({
      name: 'casegraph_query_worker_restarts_total',
      help: 'Query workers replaced: stopped at a deadline or memory limit, or crashed',
      registers,
      collect() {
        this.reset();
        this.inc(app.store.stats?.().workerRestarts ?? 0);
      },
    });

    app.get(metricsPath, { schema: metricsSchema, config: { cache: false } }, async (_request, reply) => {
      reply.header('cache-control', 'no-store').type(registry.contentType);
      return registry.metrics();
    });
  },
  { name: 'casegraph-metrics', fastify: '5.x', decorators: { fastify: ['store', 'admission', 'responseCache'] } },
);
