// GET /context.jsonld: the one published JSON-LD context of casegraph's documents and dumps.
import type { FastifyPluginAsync } from 'fastify';
import { relativeNamespaces } from '../vocabulary/namespaces.js';
import { contextDocument } from './linked-data-context.js';

export const contextRoute: FastifyPluginAsync = async (app) => {
  const path = `/${relativeNamespaces.jsonLdContext}`;
  const body = `${JSON.stringify(contextDocument(app.store.baseIri), null, 2)}\n`;
  app.get(
    path,
    {
      schema: {
        tags: ['linked data'],
        summary: 'The JSON-LD context: readable keys for every casegraph document',
        response: { 200: { description: 'The context', content: { 'application/ld+json': { schema: { type: 'object', required: ['@context'] } } } } },
      },
    },
    async (_request, reply) => reply.type('application/ld+json; charset=utf-8').send(body),
  );
};
