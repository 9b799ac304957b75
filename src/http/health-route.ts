// GET /health: whether the graph is loaded, how big it is and which dataset version answers.
import type { FastifyPluginAsync } from 'fastify';

export interface Health {
  readonly status: 'ready';
  readonly triples: number;
  readonly graphs: number;
  readonly version: string;
}

export const healthRoute: FastifyPluginAsync = async (app) => {
  app.get('/health', async (_request, reply): Promise<Health> => {
    // Answered on the main thread without touching the query workers, so it stays quick while queries run.
    reply.header('cache-control', 'no-store');
    return { status: 'ready', triples: app.store.size, graphs: app.store.graphs.length, version: app.store.version };
  });
};
