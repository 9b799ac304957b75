// GET /.well-known/void: the VoID/DCAT dataset description, as Turtle (default), JSON-LD or N-Triples.
import type { FastifyPluginAsync } from 'fastify';
import { NotAcceptableError } from '../errors/casegraph-error.js';
import { negotiateMediaType } from '../http/negotiate-media-type.js';
import { relativeNamespaces } from '../vocabulary/namespaces.js';
import { datasetDescription } from './dataset-description.js';
import type { DumpRouteOptions } from './dumps-route.js';
import { resourceFormats, serializeTriples } from './resource-formats.js';
import { ResourceGraph } from './resource-graph.js';

export const voidRoute: FastifyPluginAsync<DumpRouteOptions> = async (app, { dumps }) => {
  const graph = new ResourceGraph(app.store);
  const formats = resourceFormats.filter((f) => f.name !== 'html');
  const path = `/${relativeNamespaces.datasetDescription}`;
  const bodies = new Map<string, string>();

  app.get(path, async (request, reply) => {
    const format = negotiateMediaType(request.headers.accept, formats);
    reply.header('vary', 'Accept');
    if (!format) throw new NotAcceptableError(`the dataset description is available as ${formats.map((f) => f.mediaType).join(', ')}`);
    let body = bodies.get(format.name);
    if (body === undefined) {
      body = await serializeTriples(datasetDescription(graph, await dumps()), format, app.store.baseIri);
      bodies.set(format.name, body);
    }
    return reply.type(format.mediaType + (format.name === 'jsonld' ? '' : '; charset=utf-8')).send(body);
  });

  app.openApi.add('void', {
    paths: {
      [path]: {
        get: {
          tags: ['linked data'],
          summary: 'VoID and DCAT description: title, license, publisher, dumps with checksums, SPARQL endpoint, triple count, class and property partitions, version',
          responses: { '200': { description: 'The description', content: Object.fromEntries(formats.map((f) => [f.mediaType, {}])) } },
        },
      },
    },
  });
};
