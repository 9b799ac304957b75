// GET /api/persons and /api/persons/{id}: persons as framed, compacted JSON-LD; GET /frames/*.jsonld: the frames.
// Each document is framed per request; repeats are answered by the response cache (src/http/response-cache-plugin.ts).
import type { FastifyPluginAsync } from 'fastify';
import { plainTextAnswer, type ApiTag } from '../http/openapi-plugin.js';
import { documentFrame, frameUrl } from '../linked-data/index.js';
import { personShape, personSummaryShape } from '../linked-data/index.js';
import { documentSchemas } from '../linked-data/index.js';
import { documentFramer } from '../linked-data/index.js';
import { listedPersons } from '../linked-data/index.js';
import { ResourceGraph } from '../linked-data/index.js';
import { personIdParams, personPath, personsPath } from './person-paths.js';
import { resolvePerson } from './resolve-person.js';

const jsonLd = 'application/ld+json';

export const personsTag: ApiTag = {
  name: 'persons',
  description:
    'Persons and their cases as JSON-LD documents framed with the published frames (/frames/person.jsonld, /frames/persons.jsonld) and compacted with /context.jsonld.',
};

export const personsApiRoute: FastifyPluginAsync = async (app) => {
  const graph = new ResourceGraph(app.store);
  const base = app.store.baseIri;
  const framer = documentFramer(graph);
  const listPath = personsPath;
  const framePath = (name: 'person' | 'persons') => `/${frameUrl(base, name).slice(base.length)}`;
  const send = (reply: import('fastify').FastifyReply, body: unknown) => reply.type(`${jsonLd}; charset=utf-8`).send(`${JSON.stringify(body, null, 2)}\n`);

  for (const schema of documentSchemas()) app.addSchema(schema);
  const framed = (description: string, name: string) => ({ description, content: { [jsonLd]: { schema: { $ref: `${name}#` } } } });
  const frame = { description: 'A JSON-LD 1.1 frame', content: { [jsonLd]: { schema: { type: 'object' } } } };

  app.get(
    listPath,
    {
      schema: {
        tags: ['persons'],
        summary: 'Every person the dataset describes, with their cases',
        description: `jsonld.frame, with ${framePath('persons')}, of the persons whose IRI is {base}id/person/{id} with an id /api/persons/{id} accepts.`,
        response: { 200: framed('The list, as JSON-LD', 'PersonList') },
      },
    },
    async (_request, reply) => send(reply, await framer.list(await listedPersons(graph), personSummaryShape)),
  );

  app.get<{ Params: { id: string } }>(
    personPath,
    {
      schema: {
        tags: ['persons'],
        summary:
          'One person: identity, cases (charges, sentence, place held, events in timeline order), campaigns, each node with its sources and verbatim excerpts',
        description: `jsonld.frame of the graph with ${framePath('person')}, its "@id" set to the person's IRI. A value the sources do not state is null or [], except the keys the PersonDocument schema does not require (cases, campaigns, name, excerpts), which are then absent. Dates keep their stated precision.`,
        params: personIdParams,
        response: { 200: framed('The person document', 'PersonDocument'), 404: plainTextAnswer('No such person') },
      },
    },
    async (request, reply) => {
      const subject = await resolvePerson(app.store, request.params.id);
      return send(reply, await framer.document(subject, personShape));
    },
  );

  app.get(
    framePath('person'),
    {
      schema: {
        tags: ['persons'],
        summary: 'The JSON-LD frame of a person document: frame the dump with it (and "@id" set) to get what /api/persons/{id} serves',
        response: { 200: frame },
      },
    },
    async (_request, reply) => send(reply, documentFrame(personShape, base)),
  );
  app.get(
    framePath('persons'),
    {
      schema: { tags: ['persons'], summary: 'The JSON-LD frame of the list of persons', response: { 200: frame } },
    },
    async (_request, reply) => send(reply, documentFrame(personSummaryShape, base)),
  );
};
