// Routes for UN submission drafters: a person's claims (JSON), citations (CSL-JSON, BibTeX, RIS, APA, UN footnotes) and draft communication.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { BadRequestError, NotAcceptableError } from '../errors/casegraph-error.js';
import { negotiateMediaType } from '../http/negotiate-media-type.js';
import { citationFormatNames, findCitationFormat } from '../citations/index.js';
import { communicationFormats, findCommunicationFormat, type CommunicationFormat } from '../citations/index.js';
import { draftCommunication } from '../citations/index.js';
import { citationQueries } from './citation-queries.js';
import { citationsOpenApi } from './citations-openapi.js';
import type { PersonClaims } from '../citations/index.js';
import { readPersonClaims } from './read-person-claims.js';
import { datasetMemo } from '../store/dataset-memo.js';
import { personPath } from './person-paths.js';

type PersonRequest = FastifyRequest<{ Params: { id: string }; Querystring: Record<string, string | string[] | undefined> }>;


/** Reads one optional query parameter; given twice is a 400 naming it and, when known, the values it takes. */
function parameter(request: PersonRequest, name: string, allowed: readonly string[] = []): string | undefined {
  const value = request.query[name];
  if (Array.isArray(value)) {
    const choices = allowed.length > 0 ? `: give one of ${allowed.join(', ')}` : '';
    throw new BadRequestError(`parameter "${name}" is given more than once${choices}`);
  }
  return value;
}

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
    const name = parameter(request, 'format', citationFormatNames) ?? 'csl-json';
    const format = findCitationFormat(name);
    if (!format) {
      throw new BadRequestError(`parameter "format" must be one of ${citationFormatNames.join(', ')}; got ${JSON.stringify(name)}`);
    }
    const { sources } = await claimsOf(request.params.id);
    return reply.type(format.mediaType).send(format.render(sources));
  });

  const sendCommunication = async (request: PersonRequest, reply: FastifyReply, format: CommunicationFormat) => {
    const record = await claimsOf(request.params.id);
    const body = await format.render(draftCommunication(record, app.store.baseIri));
    reply.type(format.contentType);
    if (format.download) reply.header('content-disposition', `attachment; filename="${request.params.id}-communication.${format.suffix}"`);
    return reply.send(body);
  };

  app.get(`${personPath}/communication`, async (request: PersonRequest, reply) => {
    const name = parameter(request, 'format', communicationFormats.map((f) => f.name));
    reply.header('vary', 'Accept');
    if (name !== undefined) {
      const format = findCommunicationFormat(name);
      if (!format) {
        throw new BadRequestError(`parameter "format" must be one of ${communicationFormats.map((f) => f.name).join(', ')}; got ${JSON.stringify(name)}`);
      }
      return sendCommunication(request, reply, format);
    }
    const format = negotiateMediaType(request.headers.accept, communicationFormats);
    if (!format) {
      throw new NotAcceptableError(`the communication is available as ${communicationFormats.map((f) => f.mediaType).join(', ')}; use format=${communicationFormats.map((f) => f.name).join('|')}`);
    }
    return sendCommunication(request, reply, format);
  });

  // Links that cannot set headers (a person page, a download button) name the format by suffix.
  for (const format of communicationFormats) {
    app.get(`${personPath}/communication.${format.suffix}`, async (request: PersonRequest, reply) => {
      if (parameter(request, 'format') !== undefined) throw new BadRequestError(`parameter "format" cannot be combined with the .${format.suffix} suffix`);
      return sendCommunication(request, reply, format);
    });
  }
};
