// GET /: the home page, the way in for a person with a browser: the persons, and where the data and the API are.
import type { FastifyPluginAsync } from 'fastify';
import { DataFactory } from 'n3';
import { escapeHtml } from '../http/escape-html.js';
import { chooseRepresentation, type Representation } from '../http/choose-representation.js';
import { opaqueAnswer, plainTextAnswer } from '../http/openapi-plugin.js';
import { dct, relativeNamespaces } from '../vocabulary/namespaces.js';
import { htmlPage, pageSecurityPolicy } from './html-page.js';
import { renderLink } from './render-term.js';
import { listedPersons } from './listed-persons.js';
import { ResourceGraph } from './resource-graph.js';

const { namedNode } = DataFactory;
const html: readonly Representation[] = [{ name: 'html', mediaType: 'text/html' }];

export const homeRoute: FastifyPluginAsync = async (app) => {
  const graph = new ResourceGraph(app.store);
  const base = app.store.baseIri;
  let page: string | undefined;

  app.get(
    '/',
    {
      schema: {
        tags: ['linked data'],
        summary: 'The home page: the persons and the ways into the data',
        response: { 200: opaqueAnswer('HTML', ['text/html']), 406: plainTextAnswer('HTML is not acceptable') },
      },
    },
    async (request, reply) => {
      chooseRepresentation(request, reply, html, {
        what: 'the home page',
        seeAlso: `the dataset is described as data at /${relativeNamespaces.datasetDescription}`,
      });
      page ??= await homePage(graph);
      reply.header('link', `</${relativeNamespaces.datasetDescription}>; rel="describedby"`);
      return reply.type('text/html; charset=utf-8').header('content-security-policy', pageSecurityPolicy).send(page);
    },
  );

  async function homePage(g: ResourceGraph): Promise<string> {
    const persons = await listedPersons(g);
    const dataset = namedNode(base + relativeNamespaces.dataset);
    const title = (await g.literals(dataset, dct('title')))[0]?.value ?? 'casegraph';
    const description = (await g.literals(dataset, dct('description')))[0]?.value;
    const personLinks = await Promise.all(persons.map(async (p) => `<li>${await renderLink(g, p.value)}</li>`));
    const entry = (href: string, label: string, what: string) => `<li><a href="${escapeHtml(href)}">${escapeHtml(label)}</a>: ${escapeHtml(what)}</li>`;
    const body = `<h1>${escapeHtml(title)}</h1>
${description ? `<p>${escapeHtml(description)}</p>` : ''}
<section aria-labelledby="persons-h">
<h2 id="persons-h">Persons</h2>
<ul>${personLinks.join('\n')}</ul>
</section>
<section aria-labelledby="use-h">
<h2 id="use-h">Use the data</h2>
<ul>
${entry(`/${relativeNamespaces.sparqlEndpoint}`, 'SPARQL endpoint and editor', 'query the graph from a browser or from code')}
${entry(`/${relativeNamespaces.savedQueries}`, 'Saved research queries', 'common questions as JSON or CSV, each with the SPARQL behind it')}
${entry(`/${relativeNamespaces.personsApi}`, 'Persons as JSON-LD', 'framed documents of each person and their cases')}
${entry(`/${relativeNamespaces.dumps}`, 'Downloads', 'the whole graph (Turtle, N-Triples, N-Quads, TriG, JSON-LD) and the tidy CSV tables with their CSV on the Web metadata, with SHA-256 sums')}
${entry(`/${relativeNamespaces.tables}dictionary`, 'Tables and data dictionary', 'tidy CSV tables for spreadsheets, one value per cell, and what each column means')}
${entry(`/${relativeNamespaces.datasetDescription}`, 'Dataset description', 'VoID and DCAT: license, version, size, distributions')}
${entry(`/${relativeNamespaces.ontologyDocument}`, 'Ontology', 'the classes and properties of casegraph')}
${entry('/docs', 'API documentation', 'every route, from the OpenAPI document at /openapi.json')}
</ul>
</section>`;
    return htmlPage({ title, body, datasetVersion: app.store.version });
  }
};
