// The /api/persons family in one plugin: the person documents and frames, then each person's claims, citations and communication.
import type { FastifyPluginAsync } from 'fastify';
import { citationsRoute } from './citations-route.js';
import { personsApiRoute } from './persons-api-route.js';

/** Needs the `store`, `queryCatalog` and `openApi` decorators. */
export const personsPlugin: FastifyPluginAsync = async (app) => {
  await app.register(personsApiRoute);
  await app.register(citationsRoute);
};
