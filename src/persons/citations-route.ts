// Routes for UN submission drafters: a person's claims (JSON), citations (CSL-JSON, BibTeX, RIS, APA, UN footnotes) and draft communication.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { chooseRepresentation } from '../http/choose-representation.js';
import { citationFormatNames, citationFormats, communicationFormats, type CommunicationFormat } from '../citations/index.js';
import { opaqueAnswer, plainTextAnswer, type ApiTag } from '../http/openapi-plugin.js';
import { draftCommunication } from '../citations/index.js';
import { citationQueries } from './citation-queries.js';
import { personClaimsSchemas } from './person-claims-schemas.js';
import type { PersonClaims, SubmissionDetails, WorkingGroupCategory } from '../citations/index.js';
import { submissionFields } from '../citations/index.js';
import { readPersonClaims } from './read-person-claims.js';
import { readWorkingGroupCategories } from './read-working-group-categories.js';
import { claimsCsv, claimsCsvColumns } from './claims-csv.js';
import { datasetMemo } from '../store/dataset-memo.js';
import { personIdParams, personPath } from './person-paths.js';

type PersonRequest = FastifyRequest<{ Params: { id: string }; Querystring: { format?: string }; Body?: { submitter?: SubmissionDetails } }>;

export const citationsTag: ApiTag = {
  name: 'citations',
  description:
    'For UN submission drafters: each claim about a person with its sources, the sources in citation formats, and a draft communication to the Working Group on Arbitrary Detention.',
};

const tags = [citationsTag.name];
const notFound = plainTextAnswer('No such person (one-line message)');
const badFormat = plainTextAnswer('Unknown or repeated format (one-line message naming the parameter and the allowed values)');
const communicationNames = communicationFormats.map((f) => f.name);
/** POST body: what only the submitter knows. Read for this one answer; never stored, logged or cached. */
const submissionBody = {
  type: 'object',
  // propertyNames, not additionalProperties: false, which Fastify's Ajv would quietly strip instead of refusing.
  propertyNames: { enum: ['submitter'] },
  properties: {
    submitter: {
      type: 'object',
      propertyNames: { enum: submissionFields.map(([key]) => key) },
      description: 'Section VI of the draft; an item left out prints as a blank to fill in',
      properties: Object.fromEntries(submissionFields.map(([key, label]) => [key, { type: 'string', maxLength: 1000, description: label }])),
    },
  },
};
/** `format=`: one value among the registry's names; the schema refuses the rest with a 400 naming them. */
const formatQuery = (names: readonly string[], extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties: { format: { type: 'string', enum: [...names], ...extra } },
});

/** Persons whose claims stay in memory; a few KB each. */
const claimsKept = 1000;

/** Needs the `store` and `queryCatalog` decorators. */
export const citationsRoute: FastifyPluginAsync = async (app) => {
  const queries = citationQueries(app.queryCatalog);
  for (const schema of personClaimsSchemas) app.addSchema(schema);

  // Six queries per read (about a second): each person's claims are read once and kept for the claims, every
  // citation format and every communication format, which the response cache would each compute again. Only
  // answers are kept, so unknown ids and failures (a deadline under load) cost nothing; the most recent
  // `claimsKept` persons are kept, so memory does not grow with the dataset.
  const claimsMemo = datasetMemo<PersonClaims>(claimsKept);
  const claimsOf = (id: string): Promise<PersonClaims> => claimsMemo(id, () => readPersonClaims(app.store, queries, id));

  // JSON for programs, a tidy CSV for spreadsheets: by format= or Accept, JSON first.
  const claimsFormats = [
    {
      name: 'json',
      mediaType: 'application/json',
      contentType: 'application/json; charset=utf-8',
      render: (c: PersonClaims) => `${JSON.stringify(c, null, 2)}\n`,
    },
    { name: 'csv', mediaType: 'text/csv', contentType: 'text/csv; charset=utf-8; header=present', render: claimsCsv },
  ] as const;

  app.get(
    `${personPath}/claims`,
    {
      schema: {
        tags,
        summary: 'Every claim about the person, each with its sources, verbatim excerpts and a single-source mark',
        description: `JSON by default; CSV (one row per claim, source and excerpt; columns ${claimsCsvColumns.join(', ')}) with format=csv or Accept: text/csv.`,
        params: personIdParams,
        querystring: formatQuery(
          claimsFormats.map((f) => f.name),
          { default: 'json' },
        ),
        response: {
          200: {
            description: 'The claims',
            content: { 'application/json': { schema: { $ref: 'PersonClaims#' } }, 'text/csv': { schema: { type: 'string' } } },
          },
          400: badFormat,
          404: notFound,
        },
      },
    },
    async (request: PersonRequest, reply) => {
      const format = chooseRepresentation(request, reply, claimsFormats, { what: 'the claims', format: request.query.format });
      const claims = await claimsOf(request.params.id);
      return reply.type(format.contentType).send(format.render(claims));
    },
  );

  app.get(
    `${personPath}/citations`,
    {
      schema: {
        tags,
        summary: "The person's sources in a citation format",
        description: citationFormats.map((f) => `${f.name}: ${f.description} (${f.mediaType.split(';')[0]})`).join('; '),
        params: personIdParams,
        querystring: formatQuery(citationFormatNames, { default: 'csl-json' }),
        response: {
          200: opaqueAnswer(
            'The citations',
            citationFormats.map((f) => f.mediaType),
          ),
          400: badFormat,
          404: notFound,
        },
      },
    },
    async (request: PersonRequest, reply) => {
      // Citations are chosen by format= alone (CSL-JSON when absent): a browser's Accept would otherwise turn a data link into APA.
      const format = chooseRepresentation(request, reply, citationFormats, { what: 'the citations', format: request.query.format, byAccept: false });
      const { sources } = await claimsOf(request.params.id);
      return reply.type(format.contentType).send(format.render(sources));
    },
  );

  // The draft's HTML form posts its fields flat (name=…&organisation=…); they are read as `{ submitter }`, the
  // JSON body's shape, so one schema checks both. Scoped to this plugin.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, { submitter: Object.fromEntries(new URLSearchParams(body as string)) });
  });

  const datasetIri = app.config.publicBaseIri ?? app.config.baseIri;
  // The same for every person: read once per dataset version; a failed read is tried again next time.
  const categoriesMemo = datasetMemo<WorkingGroupCategory[]>(1);
  const categories = () => categoriesMemo('categories', () => readWorkingGroupCategories(app.store, queries));
  const sendCommunication = async (request: PersonRequest, reply: FastifyReply, format: CommunicationFormat) => {
    const [record, known] = await Promise.all([claimsOf(request.params.id), categories()]);
    const submission = request.body?.submitter;
    const body = await format.render(draftCommunication(record, { datasetIri, categories: known, ...(submission ? { submission } : {}) }));
    reply.type(format.contentType);
    // A draft holding submitter details is the submitter's alone: no shared or browser cache may keep it.
    if (request.method === 'POST') reply.header('cache-control', 'no-store');
    if (format.download) reply.header('content-disposition', `attachment; filename="${request.params.id}-communication${format.suffix}"`);
    return reply.send(body);
  };

  // GET gives the draft with section VI blank; POST, the same route with a body, fills it in. Fastify refuses a
  // body schema on GET, so each URL is two routes sharing one handler.
  const getAndPost = (url: string, schema: Record<string, unknown>, handler: (request: PersonRequest, reply: FastifyReply) => Promise<unknown>) => {
    app.route({ method: 'GET', url, schema, handler });
    app.route({ method: 'POST', url, schema: { ...schema, body: submissionBody }, handler });
  };

  getAndPost(
    `${personPath}/communication`,
    {
      tags,
      summary: 'A draft communication to the WGAD, every sentence footnoted; by Accept, or format= (which wins). POST fills in section VI',
      description:
        'POST a JSON body `{"submitter": {...}}` to fill in the submitter, consent, confidentiality and date: used for this answer only, never stored or logged.',
      params: personIdParams,
      querystring: formatQuery(communicationNames),
      response: {
        200: opaqueAnswer(
          'The draft',
          communicationFormats.map((f) => f.mediaType),
        ),
        400: badFormat,
        404: notFound,
        406: plainTextAnswer('Accept allows none of the forms'),
      },
    },
    async (request: PersonRequest, reply) => {
      const format = chooseRepresentation(request, reply, communicationFormats, { what: 'the communication', format: request.query.format });
      return sendCommunication(request, reply, format);
    },
  );

  // Links that cannot set headers (a person page, a download button) name the format by suffix.
  for (const format of communicationFormats) {
    getAndPost(
      `${personPath}/communication${format.suffix}`,
      {
        tags,
        summary: `The draft communication as ${format.name}, for links that cannot set Accept; POST fills in section VI`,
        params: personIdParams,
        response: { 200: opaqueAnswer('The draft', [format.mediaType]), 404: notFound },
      },
      async (request: PersonRequest, reply) => {
        const chosen = chooseRepresentation(request, reply, communicationFormats, {
          what: 'the communication',
          format: request.query.format,
          suffix: format.suffix,
        });
        return sendCommunication(request, reply, chosen);
      },
    );
  }
};
