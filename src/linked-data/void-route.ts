// GET /.well-known/void: the VoID/DCAT dataset description, as Turtle (default), JSON-LD, N-Triples or an HTML page.
import type { FastifyPluginAsync } from 'fastify';
import { chooseRepresentation } from '../http/choose-representation.js';
import { opaqueAnswer, plainTextAnswer } from '../http/openapi-plugin.js';
import { relativeNamespaces } from '../vocabulary/namespaces.js';
import { datasetDescription } from './dataset-description.js';
import type { DumpRouteOptions } from './dumps-route.js';
import { resourceFormats, serializeTriples, type ResourceFormat } from './resource-formats.js';
import { escapeHtml } from '../http/escape-html.js';
import { htmlPage, pageSecurityPolicy } from './html-page.js';
import { ResourceGraph } from './resource-graph.js';

export const voidRoute: FastifyPluginAsync<DumpRouteOptions> = async (app, { dumps }) => {
  const graph = new ResourceGraph(app.store);
  const formats = resourceFormats;
  const turtle = resourceFormats.find((f) => f.name === 'turtle') as ResourceFormat;
  const path = `/${relativeNamespaces.datasetDescription}`;
  const bodies = new Map<string, string>();

  app.get(
    path,
    {
      schema: {
        tags: ['linked data'],
        summary:
          'VoID and DCAT description: title, license, publisher, dumps with checksums, SPARQL endpoint, triple count, class and property partitions, version',
        response: {
          200: opaqueAnswer(
            'The description',
            formats.map((f) => f.mediaType),
          ),
          406: plainTextAnswer('No acceptable representation'),
        },
      },
    },
    async (request, reply) => {
      const format = chooseRepresentation(request, reply, formats, { what: 'the dataset description' });
      let body = bodies.get(format.name);
      if (body === undefined) {
        const triples = await datasetDescription(graph, await dumps());
        body =
          format.name === 'html'
            ? descriptionPage(await serializeTriples(triples, turtle, app.store.baseIri), app.store.version)
            : await serializeTriples(triples, format, app.store.baseIri);
        bodies.set(format.name, body);
      }
      if (format.name === 'html') reply.header('content-security-policy', pageSecurityPolicy);
      return reply.type(format.mediaType + (format.name === 'jsonld' ? '' : '; charset=utf-8')).send(body);
    },
  );
};

/** For browsers: the same description, as readable Turtle on a page. */
function descriptionPage(turtle: string, version: string): string {
  const body = `<article><h1>Dataset description (VoID and DCAT)</h1>
<p>Title, license, publisher, downloads with their SHA-256 checksums, the SPARQL endpoint, counts and partitions of dataset version <code>${escapeHtml(version)}</code>. Also as <code>text/turtle</code>, <code>application/ld+json</code> and <code>application/n-triples</code> at this URL.</p>
<pre style="white-space: pre-wrap; overflow-wrap: anywhere; font-size: .8rem">${escapeHtml(turtle)}</pre></article>`;
  return htmlPage({ title: 'Dataset description', body, datasetVersion: version });
}
