// The /api/persons family in one plugin: the person documents and frames, then each person's claims, citations and communication.
import type { FastifyPluginAsync } from 'fastify';
import type { ApiTag } from '../http/openapi-plugin.js';
import { citationsRoute, citationsTag } from './citations-route.js';
import { personsApiRoute, personsTag } from './persons-api-route.js';

/** The tags this family's operations carry in the OpenAPI document. */
export const personsTags: readonly ApiTag[] = [personsTag, citationsTag];

/** Needs the `store` and `queryCatalog` decorators. */
export const personsPlugin: FastifyPluginAsync = async (app) => {
  await app.register(personsApiRoute);
  await app.register(citationsRoute);
};
