// The linked-data routes, registered in one visible order and sharing one dump memo (per app instance, per dataset version).
import type { FastifyPluginAsync } from 'fastify';
import type { ApiTag } from '../http/openapi-plugin.js';
import { checkSameAsLinks } from './check-same-as-links.js';
import { contextRoute } from './context-route.js';
import { dereferenceRoute } from './dereference-route.js';
import { dumpCache } from './dump-cache.js';
import { dumpsRoute } from './dumps-route.js';
import { homeRoute } from './home-route.js';
import { ResourceGraph } from './resource-graph.js';
import { voidRoute } from './void-route.js';

export const linkedDataTag: ApiTag = { name: 'linked data', description: 'Dereferenceable IRIs, the JSON-LD context, dumps and the dataset description.' };

/** Needs the `store` decorator. Startup fails if an owl:sameAs link lacks its cited source. */
export const linkedDataPlugin: FastifyPluginAsync = async (app) => {
  await checkSameAsLinks(new ResourceGraph(app.store));
  const dumps = dumpCache(app.store);
  await app.register(homeRoute);
  await app.register(contextRoute);
  await app.register(dereferenceRoute);
  await app.register(dumpsRoute, { dumps });
  await app.register(voidRoute, { dumps });
};
