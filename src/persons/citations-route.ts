// Routes for UN submission drafters: a person's claims (JSON), citations (CSL-JSON, BibTeX, RIS, APA, UN footnotes) and draft communication.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { chooseRepresentation } from '../http/choose-representation.js';
import { citationFormats } from '../citations/index.js';
import { communicationFormats, type CommunicationFormat } from '../citations/index.js';
import { draftCommunication } from '../citations/index.js';
import { citationQueries } from './citation-queries.js';
import { citationsOpenApi } from './citations-openapi.js';
import type { PersonClaims } from '../citations/index.js';
import { readPersonClaims } from './read-person-claims.js';
import { datasetMemo } from '../store/dataset-memo.js';
import { personPath } from './person-paths.js';

type PersonRequest = FastifyRequest<{ Params: { id: string }; Querystring: Record<string, string | string[] | undefined> }>;

/** Needs the `store`, `queryCatalog` and `openApi` decorators. */
export const citationsRoute: FastifyPluginAsync = async (app) => {
  const queries = citationQueries(app.queryCatalog);
  app.openApi.add('citations', citationsOpenApi);

  // Six queries per read (about a second): each person's claims are read once per app, whose store never
  // changes. Only answers are kept, so unknown ids and failures (a deadline under load) cost nothing to memory.
  const claimsMemo = datasetMemo<PersonClaims>();
  const claimsOf = (id: string): Promise<PersonClaims> => claimsMemo(id, () => readPersonClaims(app.store, queries, id));

  app.get(`${personPath}/claims`, async (request: PersonRequest, reply) => {
    const claims = await claimsOf(request.params.id);
    return reply.type('application/json; charset=utf-8').send(`${JSON.stringify(claims, null, 2)}\n`);
  });

  app.get(`${personPath}/citations`, async (request: PersonRequest, reply) => {
    // Citations are chosen by format= alone (CSL-JSON when absent): a browser's Accept would otherwise turn a data link into APA.
    const format = chooseRepresentation(request, reply, citationFormats, { what: 'the citations', format: request.query.format, byAccept: false });
    const { sources } = await claimsOf(request.params.id);
    return reply.type(format.contentType).send(format.render(sources));
  });

  const sendCommunication = async (request: PersonRequest, reply: FastifyReply, format: CommunicationFormat) => {
    const record = await claimsOf(request.params.id);
    const body = await format.render(draftCommunication(record, app.store.baseIri));
    reply.type(format.contentType);
    if (format.download) reply.header('content-disposition', `attachment; filename="${request.params.id}-communication${format.suffix}"`);
    return reply.send(body);
  };

  app.get(`${personPath}/communication`, async (request: PersonRequest, reply) => {
    const format = chooseRepresentation(request, reply, communicationFormats, { what: 'the communication', format: request.query.format });
    return sendCommunication(request, reply, format);
  });

  // Links that cannot set headers (a person page, a download button) name the format by suffix.
  for (const format of communicationFormats) {
    app.get(`${personPath}/communication${format.suffix}`, async (request: PersonRequest, reply) => {
      const chosen = chooseRepresentation(request, reply, communicationFormats, { what: 'the communication', format: request.query.format, suffix: format.suffix });
      return sendCommunication(request, reply, chosen);
    });
  }
};
