// GET /api/persons and /api/persons/{id}: persons as compacted JSON-LD documents of a fixed shape (see document-shapes.ts).
import type { FastifyPluginAsync } from 'fastify';
import { DataFactory } from 'n3';
import { NotFoundError } from '../errors/casegraph-error.js';
import { rdf, relativeNamespaces, schema } from '../vocabulary/namespaces.js';
import { documentBuilder, type JsonObject } from './build-document.js';
import { personShape } from './document-shapes.js';
import { documentSchemas } from './document-schemas.js';
import { contextUrl } from './linked-data-context.js';
import { ResourceGraph } from './resource-graph.js';

const { namedNode } = DataFactory;
const jsonLd = 'application/ld+json';
const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const personsApiRoute: FastifyPluginAsync = async (app) => {
  const graph = new ResourceGraph(app.store);
  const base = app.store.baseIri;
  const builder = documentBuilder(graph);
  const personPrefix = base + relativeNamespaces.person;
  const listPath = `/${relativeNamespaces.personsApi}`;
  // The store never changes under a running app, so documents are built once each (the cache dies with the app).
  const documents = new Map<string, JsonObject>();

  const persons = () =>
    graph.store
      .match({ predicate: namedNode(rdf('type')), object: namedNode(schema('Person')) })
      .map((q) => q.subject)
      .filter((s) => s.value.startsWith(personPrefix));

  let list: JsonObject | undefined;
  app.get(listPath, async (_request, reply) => {
    list ??= {
      '@context': contextUrl(base),
      '@graph': [...new Map(persons().map((p) => [p.value, p])).values()]
        .sort((a, b) => (a.value < b.value ? -1 : 1))
        .map((p) => {
          const node = builder.node(p, personShape);
          const cases = (node.cases as JsonObject[]).map((c): JsonObject => ({ id: c.id ?? null, label: c.label ?? null }));
          return { id: p.value, type: node.type ?? [], label: node.label ?? null, name: node.name ?? null, cases } as JsonObject;
        }),
    };
    return reply.type(`${jsonLd}; charset=utf-8`).send(`${JSON.stringify(list, null, 2)}\n`);
  });

  app.get<{ Params: { id: string } }>(`${listPath}/:id`, async (request, reply) => {
    const { id } = request.params;
    const iri = personPrefix + id;
    let document = documents.get(iri);
    if (!document) {
      const subject = namedNode(iri);
      if (!idPattern.test(id) || !graph.hasType(subject, schema('Person'))) {
        throw new NotFoundError(`no person ${JSON.stringify(id)}: see ${listPath} for the list`);
      }
      document = builder.document(subject, personShape);
      documents.set(iri, document);
    }
    return reply.type(`${jsonLd}; charset=utf-8`).send(`${JSON.stringify(document, null, 2)}\n`);
  });

  const content = (name: string) => ({ [jsonLd]: { schema: { $ref: `#/components/schemas/${name}` } } });
  app.openApi.add('persons', {
    tags: [{ name: 'persons', description: 'Persons and their cases as JSON-LD documents of a fixed nested shape, with the context at /context.jsonld.' }],
    schemas: documentSchemas(),
    paths: {
      [listPath]: {
        get: {
          tags: ['persons'],
          summary: 'Every person the dataset describes, with their cases',
          responses: { '200': { description: 'The list, as JSON-LD', content: content('PersonList') } },
        },
      },
      [`${listPath}/{id}`]: {
        get: {
          tags: ['persons'],
          summary: 'One person: identity, cases (charges, sentence, place held, events in timeline order), campaigns, each node with its sources and verbatim excerpts',
          description: 'Every key is always present; a value the sources do not state is null or []. Dates keep their stated precision.',
          parameters: [{ name: 'id', in: 'path', required: true, description: 'The last segment of the person IRI, e.g. gulmire-imin for {base}id/person/gulmire-imin', schema: { type: 'string' } }],
          responses: {
            '200': { description: 'The person document', content: content('PersonDocument') },
            '404': { description: 'No such person', content: { 'text/plain': {} } },
          },
        },
      },
    },
  });
};
