// /reconcile: the W3C Entity Reconciliation Service API 0.2 over the persons (manifest, match, suggest, preview, data extension), for OpenRefine.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { DataFactory } from 'n3';
import { BadRequestError, NotFoundError } from '../errors/casegraph-error.js';
import { opaqueAnswer, plainTextAnswer, type ApiTag } from '../http/openapi-plugin.js';
import { datasetMemo } from '../store/dataset-memo.js';
import { relativeNamespaces } from '../vocabulary/namespaces.js';
import { extensionCell } from './extension-values.js';
import { matchPersons, type MatchSettings } from './match-persons.js';
import { normaliseName } from './normalise-name.js';
import { previewPage } from './preview-page.js';
import { readPersonIndex, type PersonIndex } from './read-person-index.js';
import { constraintOnlyProperties, personProperties, readPersonProperties, type PersonPropertyValues } from './read-person-properties.js';
import { readExtendRequest, readQueryBatch } from './read-reconciliation-request.js';
import { personType, previewSize, reconcilePaths, reconciliationManifest } from './reconciliation-manifest.js';
import { reconciliationQueries } from './reconciliation-queries.js';
import { scoreName } from './score-name.js';

export const reconciliationTag: ApiTag = {
  name: 'reconciliation',
  description:
    'W3C Entity Reconciliation Service API 0.2 (the protocol OpenRefine speaks): match a column of names against the persons, preview candidates, and extend a sheet with charges, sentence, prison, dates and source URLs.',
};

const tags = [reconciliationTag.name];
const root = `/${relativeNamespaces.reconcile}`;
const json = { description: 'JSON, as the 0.2 specification describes it', content: { 'application/json': { schema: { type: 'object' } } } };
const badRequest = plainTextAnswer('The queries or extend parameter is not what the specification describes (one line naming where)');
const suggestPage = 10;
const maxSuggestPrefix = 200;

interface SuggestRequest {
  Querystring: { prefix: string; cursor?: number };
}

interface ReconcileFields {
  queries?: unknown;
  extend?: unknown;
}

const matchingProperties = [...personProperties, ...constraintOnlyProperties];

/** Needs the `store` and `queryCatalog` decorators. CORS comes from the app-wide plugin, registered before. */
export const reconciliationPlugin: FastifyPluginAsync = async (app) => {
  const queries = reconciliationQueries(app.queryCatalog);
  const base = app.store.baseIri;
  const manifest = reconciliationManifest(base, app.store.version);
  // Read once per app, hence per dataset version; a failed read (a deadline under load) is tried again next time.
  const indexMemo = datasetMemo<PersonIndex>(1);
  const personIndex = () => indexMemo('persons', () => readPersonIndex(app.store, queries));
  const propertiesMemo = datasetMemo<PersonPropertyValues>(1000);
  const propertiesOf = (id: string) =>
    propertiesMemo(id, () => readPersonProperties(app.store, queries, DataFactory.namedNode(base + relativeNamespaces.person + id)));
  const settings: MatchSettings = { personType, defaultLimit: 5, maxLimit: 50, propertiesOf };
  const knownPids = matchingProperties.map((p) => p.id as string);

  // OpenRefine posts its batches as an HTML form; this parser is scoped to this plugin.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  const sendJson = (reply: FastifyReply, body: unknown) => reply.type('application/json; charset=utf-8').send(`${JSON.stringify(body)}\n`);

  const answer = async (fields: ReconcileFields) => {
    if (fields.queries !== undefined && fields.extend !== undefined) throw new BadRequestError('send queries or extend, not both');
    if (fields.queries !== undefined) {
      const batch = readQueryBatch(fields.queries);
      for (const [key, q] of batch) {
        const unknown = (q.properties ?? []).find((p) => !knownPids.includes(p.pid));
        if (unknown) throw new BadRequestError(`queries.${key}.properties: unknown pid ${JSON.stringify(unknown.pid)} (known: ${knownPids.join(', ')})`);
      }
      const index = await personIndex();
      const results = await Promise.all([...batch].map(async ([key, q]) => [key, { result: await matchPersons(index, q, settings) }] as const));
      return Object.fromEntries(results);
    }
    if (fields.extend !== undefined) {
      const request = readExtendRequest(
        fields.extend,
        personProperties.map((p) => p.id),
      );
      const index = await personIndex();
      const meta = request.properties.map(({ id }) => ({ id, name: personProperties.find((p) => p.id === id)?.name ?? id }));
      const rows = await Promise.all(
        request.ids.map(async (id) => {
          // An id the service does not know gets empty cells, so the rest of the batch is still answered.
          const values: PersonPropertyValues = index.byId.has(id) ? await propertiesOf(id) : new Map();
          return [id, Object.fromEntries(request.properties.map(({ id: pid }) => [pid, (values.get(pid) ?? []).map(extensionCell)]))] as const;
        }),
      );
      return { meta, rows: Object.fromEntries(rows) };
    }
    return manifest;
  };

  const fieldsSchema = {
    type: 'object',
    properties: {
      queries: {
        type: 'string',
        title: 'reconciliation queries, JSON',
        description: 'A JSON object of reconciliation queries keyed by id (0.2 "Reconciliation Queries")',
      },
      extend: {
        type: 'string',
        title: 'data extension query, JSON',
        description: 'A JSON data extension query: {"ids": [...], "properties": [{"id": "charge"}]}',
      },
    },
  };

  app.get<{ Querystring: ReconcileFields }>(
    root,
    {
      schema: {
        tags,
        summary: 'The service manifest; with queries=, a batch of matches; with extend=, a data extension',
        querystring: fieldsSchema,
        response: { 200: json, 400: badRequest },
      },
    },
    async (request, reply) => sendJson(reply, await answer(request.query)),
  );

  app.post<{ Body: ReconcileFields | undefined }>(
    root,
    {
      schema: {
        tags,
        summary: 'A batch of matches (queries=) or a data extension (extend=), as a form or a JSON object',
        response: { 200: json, 400: badRequest },
      },
    },
    async (request, reply) => {
      const body: unknown = request.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new BadRequestError('the body must be a form or a JSON object with queries or extend');
      const fields = body as ReconcileFields;
      if (fields.queries === undefined && fields.extend === undefined) throw new BadRequestError('the body has neither queries nor extend');
      return sendJson(reply, await answer(fields));
    },
  );

  const suggestQuery = {
    type: 'object',
    required: ['prefix'],
    properties: {
      prefix: { type: 'string', title: 'what the user has typed so far', maxLength: maxSuggestPrefix },
      cursor: { type: 'integer', title: 'how many suggestions to skip', minimum: 0, default: 0 },
    },
  };
  const page = <T>(items: readonly T[], cursor = 0) => items.slice(cursor, cursor + suggestPage);

  app.get<SuggestRequest>(
    `${root}${reconcilePaths.suggestEntity}`,
    {
      schema: {
        tags,
        summary: 'Persons whose names start like, or are spelt like, the prefix',
        querystring: suggestQuery,
        response: { 200: json, 400: badRequest },
      },
    },
    async (request, reply) => {
      const prefix = normaliseName(request.query.prefix);
      const index = await personIndex();
      const ranked = index.persons
        .map((person) => {
          const starts = person.names.some((name) =>
            normaliseName(name)
              .split(' ')
              .some((word, i, words) => words.slice(i).join(' ').startsWith(prefix)),
          );
          return { person, score: prefix === '' ? 0 : starts ? 100 : Math.max(0, ...person.names.map((name) => scoreName(prefix, name))) };
        })
        .filter((s) => s.score >= 70)
        .sort((a, b) => b.score - a.score || (a.person.id < b.person.id ? -1 : 1));
      const result = page(ranked, request.query.cursor).map(({ person }) => ({
        id: person.id,
        name: person.name,
        ...(person.description ? { description: person.description } : {}),
        notable: [personType],
      }));
      return sendJson(reply, { result });
    },
  );

  app.get<SuggestRequest>(
    `${root}${reconcilePaths.suggestType}`,
    { schema: { tags, summary: 'The types to reconcile against (Person)', querystring: suggestQuery, response: { 200: json, 400: badRequest } } },
    async (request, reply) => {
      const prefix = normaliseName(request.query.prefix);
      const result = [personType].filter((t) => normaliseName(t.name).startsWith(prefix) || t.id.toLowerCase().includes(prefix));
      return sendJson(reply, { result: page(result, request.query.cursor) });
    },
  );

  app.get<SuggestRequest>(
    `${root}${reconcilePaths.suggestProperty}`,
    { schema: { tags, summary: 'Properties to match by or extend with', querystring: suggestQuery, response: { 200: json, 400: badRequest } } },
    async (request, reply) => {
      const prefix = normaliseName(request.query.prefix);
      const result = matchingProperties
        .filter((p) => normaliseName(p.name).includes(prefix) || p.id.toLowerCase().startsWith(prefix.replace(/ /g, '')))
        .map(({ id, name, description }) => ({ id, name, description }));
      return sendJson(reply, { result: page(result, request.query.cursor) });
    },
  );

  app.get<{ Querystring: { type?: string; limit?: number } }>(
    `${root}${reconcilePaths.proposeProperties}`,
    {
      schema: {
        tags,
        summary: 'The properties a sheet of persons can be extended with',
        querystring: {
          type: 'object',
          properties: {
            type: { type: 'string', title: 'the type of the reconciled column' },
            limit: { type: 'integer', title: 'how many properties at most', minimum: 1 },
          },
        },
        response: { 200: json, 400: badRequest },
      },
    },
    async (request, reply) => {
      const type = request.query.type ?? personType.id;
      const all = type === personType.id ? personProperties.map(({ id, name, description }) => ({ id, name, description })) : [];
      const limit = request.query.limit;
      return sendJson(reply, { type, ...(limit === undefined ? {} : { limit }), properties: limit === undefined ? all : all.slice(0, limit) });
    },
  );

  app.get<{ Querystring: { id: string } }>(
    `${root}${reconcilePaths.preview}`,
    {
      schema: {
        tags,
        summary: `A ${previewSize.width}×${previewSize.height} HTML card of one person, for OpenRefine's hover preview`,
        querystring: { type: 'object', required: ['id'], properties: { id: { type: 'string', title: 'person id', maxLength: 200 } } },
        response: { 200: opaqueAnswer('The card', ['text/html']), 404: plainTextAnswer('No such person') },
      },
    },
    async (request, reply) => {
      const index = await personIndex();
      const person = index.byId.get(request.query.id);
      if (!person) throw new NotFoundError(`no person with id ${JSON.stringify(request.query.id)}`);
      const html = previewPage(person, await propertiesOf(person.id), person.iri);
      // OpenRefine shows the card in a frame of its own page: this one answer may be framed by any site (it runs no
      // script and carries only public data); every other page keeps the app-wide frame-ancestors 'none'.
      reply.removeHeader('x-frame-options');
      reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *; base-uri 'none'; form-action 'none'");
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
};
