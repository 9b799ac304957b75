// Dereferencing: every IRI under BASE_IRI answers at its own path, by content negotiation or by suffix (.ttl, .jsonld, .nt, .html).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { DataFactory } from 'n3';
import { chooseRepresentation, type Representation } from '../http/choose-representation.js';
import { opaqueAnswer, plainTextAnswer, wildcardAs } from '../http/openapi-plugin.js';
import { relativeNamespaces, schema } from '../vocabulary/namespaces.js';
import { describeResource, type ResourceDescription } from './describe-resource.js';
import { pageSecurityPolicy, type Alternate } from './html-page.js';
import { notFoundMessage, notFoundPage } from './not-found-page.js';
import { personPage } from './person-page.js';
import { resourceFormats, serializeTriples, splitSuffix, type ResourceFormat } from './resource-formats.js';
import { resourcePage } from './resource-page.js';
import { ResourceGraph } from './resource-graph.js';
import { iriToUri, uriToIri } from './uri-to-iri.js';

const { namedNode } = DataFactory;

/** The forms of a 404: a page for browsers (and the .html suffix), else one line of text. */
const notFoundForms: readonly Representation[] = [
  { name: 'html', mediaType: 'text/html', suffix: '.html' },
  { name: 'text', mediaType: 'text/plain' },
];

/**
 * The pattern (one, everywhere): the IRI's own URL answers 200 with the representation the Accept header
 * prefers, `Vary: Accept`, `Content-Location` naming the suffix URL of what was sent, and `Link: rel=alternate`
 * to every suffix form. The suffix URLs answer one fixed representation each, with `Link: rel=canonical` to the IRI.
 * No 303 redirects: casegraph's IRIs name things, and the description served at them is documented as such.
 */
export const dereferenceRoute: FastifyPluginAsync = async (app) => {
  const graph = new ResourceGraph(app.store);
  const base = app.store.baseIri;

  const handle = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const path = uriToIri((request.raw.url ?? request.url).split('?')[0] as string);
    const asked = base + path.slice(1);
    let description = await describeResource(graph, asked);
    let fixed: ResourceFormat | undefined;
    let stem = path;
    if (!description) {
      const split = splitSuffix(path);
      if (split) {
        description = await describeResource(graph, base + split.stem.slice(1));
        fixed = description ? split.format : undefined;
        stem = split.stem;
      }
    }

    if (!description) {
      reply.code(404);
      const suffix = path.endsWith('.html') ? '.html' : undefined;
      const form = chooseRepresentation(request, reply, notFoundForms, { what: 'a 404', suffix, fallback: notFoundForms[1] });
      if (form.name === 'html') {
        return reply.type('text/html; charset=utf-8').header('content-security-policy', pageSecurityPolicy).send(notFoundPage(asked, app.store.version));
      }
      return reply.type('text/plain; charset=utf-8').send(notFoundMessage(asked));
    }

    const alternates: Alternate[] = resourceFormats.map((f) => ({ href: stem + f.suffix, mediaType: f.mediaType, label: f.label }));
    // Headers carry ASCII only: IRIs go in them in their URI form.
    const linkHeader = alternates.map((a) => `<${iriToUri(a.href)}>; rel="alternate"; type="${a.mediaType}"`);
    const format = chooseRepresentation(request, reply, resourceFormats, { what: `the description of ${asked}`, suffix: fixed?.suffix });
    // The suffix URLs name the IRI as canonical; the IRI's own URL names the suffix URL of what it sent.
    if (fixed) linkHeader.push(`<${iriToUri(stem)}>; rel="canonical"`);
    else reply.header('content-location', iriToUri(stem + format.suffix));
    reply.header('link', linkHeader.join(', '));

    if (format.name === 'html') {
      reply.header('content-security-policy', pageSecurityPolicy).type('text/html; charset=utf-8');
      return reply.send(await renderHtml(graph, description, alternates));
    }
    const charset = format.name === 'jsonld' ? '' : '; charset=utf-8';
    return reply.type(format.mediaType + charset).send(await serializeTriples(description.triples, format, base));
  };

  const representations = opaqueAnswer(
    'The description of the IRI, by Accept (Vary: Accept, Content-Location, Link rel=alternate) or by suffix (Link rel=canonical)',
    resourceFormats.map((f) => f.mediaType),
  );
  const describes = (summary: string, rest?: string) => ({
    schema: {
      tags: ['linked data'],
      summary,
      ...(rest ? { params: { type: 'object', properties: { '*': { type: 'string', description: rest } } } } : {}),
      response: {
        200: representations,
        404: opaqueAnswer('The graph says nothing of this IRI', ['text/plain', 'text/html']),
        406: plainTextAnswer('No acceptable representation'),
      },
    },
    config: { swaggerTransform: rest ? wildcardAs('path') : undefined },
  });
  const restOfIri = 'The rest of the IRI, slashes included; a suffix (.ttl, .jsonld, .nt, .html) fixes the representation';

  // Explicit prefixes, not a catch-all: every other path keeps the app's own 404.
  app.get(`/${relativeNamespaces.id}*`, describes('A resource: person, case, event, source, place, organisation, legal provision, concept', restOfIri), handle);
  app.get(`/${relativeNamespaces.graph}*`, describes('A named graph: the triples one data file holds', restOfIri), handle);
  app.get(`/${relativeNamespaces.ontologyDocument}`, describes('The ontology; each term {base}ontology#Term is described there'), handle);
  app.get(`/${relativeNamespaces.ontologyDocument}/*`, describes('A resource under the ontology document', restOfIri), handle);
  for (const f of resourceFormats) app.get(`/${relativeNamespaces.ontologyDocument}${f.suffix}`, describes(`The ontology as ${f.label}`), handle);
};

async function renderHtml(graph: ResourceGraph, description: ResourceDescription, alternates: readonly Alternate[]): Promise<string> {
  const subject = namedNode(description.iri);
  if (description.kind === 'resource' && (await graph.isA(subject, schema('Person')))) {
    const personsApi = `/${relativeNamespaces.personsApi}`;
    const personPrefix = graph.baseIri + relativeNamespaces.person;
    const id = description.iri.startsWith(personPrefix) ? description.iri.slice(personPrefix.length) : undefined;
    const apiLinks = id
      ? [
          { href: `${personsApi}/${id}`, label: 'Person document (JSON-LD)' },
          { href: `${personsApi}/${id}/claims`, label: 'Claims with their sources' },
          { href: `${personsApi}/${id}/citations`, label: 'Citations' },
          { href: `${personsApi}/${id}/communication`, label: 'Draft communication' },
        ]
      : [];
    return personPage(graph, subject, { alternates, apiLinks });
  }
  return resourcePage(graph, description, alternates);
}
