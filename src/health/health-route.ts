// GET /health: whether the graph is loaded, how big it is and which dataset version answers.
import type { FastifyPluginAsync } from 'fastify';

export interface Health {
  readonly status: 'ready';
  readonly triples: number;
  readonly graphs: number;
  readonly version: string;
}

const healthSchema = {
  summary: 'Readiness: the graph is loaded; its size and dataset version (never cached)',
  response: {
    200: {
      description: 'Ready',
      type: 'object',
      required: ['status', 'triples', 'graphs', 'version'],
      properties: { status: { const: 'ready' }, triples: { type: 'integer' }, graphs: { type: 'integer' }, version: { type: 'string' } },
    },
  },
};

export const healthRoute: FastifyPluginAsync = async (app) => {
  app.get('/health', { schema: healthSchema }, async (_request, reply): Promise<Health> => {
    // Answered on the main thread without touching the query workers, so it stays quick while queries run.
    reply.header('cache-control', 'no-store');
    return { status: 'ready', triples: app.store.size, graphs: app.store.graphs.length, version: app.store.version };
  });
};
