// The research API: GET /api/queries lists the saved queries; each saved query is its own route, GET /api/queries/{name} (JSON, CSV, SPARQL JSON).
import type {
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  onSendAsyncHookHandler,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import { BadRequestError, ContentTooLargeError, NotAcceptableError, NotFoundError } from '../errors/casegraph-error.js';
import { chooseRepresentation, type Representation } from '../http/choose-representation.js';
import { opaqueAnswer } from '../http/openapi-plugin.js';
import { admittedStore, clientOf } from '../http/admission-plugin.js';
import { findResultFormat, serializeContext } from '../formats/result-formats.js';
import type { GraphStore } from '../store/graph-store.js';
import { datasetMemo } from '../store/dataset-memo.js';
import { relativeNamespaces } from '../vocabulary/namespaces.js';
import { flattenRow, flattenTerm } from './flatten-row.js';
import { runSavedQuery, type SavedQueryAnswer } from './run-saved-query.js';
import type { QueryParameter, SavedQuery } from './saved-query.js';
import { savedQueryAnswerSchema, savedQueryListRouteSchema, savedQueryListSchema, savedQueryRouteSchema } from './saved-query-schemas.js';

export const savedQueriesPath = `/${relativeNamespaces.savedQueries}`;

/** A saved query's answer: our flat JSON (the default), CSV, or SPARQL JSON; each also at its suffix. */
interface AnswerForm extends Representation {
  readonly name: 'json' | 'csv' | 'sparql-json';
}
const answerForms: readonly AnswerForm[] = [
  { name: 'json', mediaType: 'application/json', suffix: '.json' },
  { name: 'csv', mediaType: 'text/csv', suffix: '.csv' },
  { name: 'sparql-json', mediaType: 'application/sparql-results+json', suffix: '.srj' },
];
/** After validation: each declared parameter is one string (`page` a number); undeclared names are left as sent. */
interface QueryRoute {
  Querystring: Record<string, string | string[]>;
}
type QueryRequest = FastifyRequest<QueryRoute>;

export const savedQueryRoutes: FastifyPluginAsync = async (app) => {
  const { store, config, queryCatalog: catalog } = app;
  const apiBase = `${config.baseIri}${savedQueriesPath.slice(1)}/`;
  // One key per parameter enumerated from the data: the catalog fixes how many there can be.
  const enumerated = catalog.queries.reduce((n, q) => n + q.parameters.filter((p) => p.enumerateFromData).length, 0);
  const enumerations = datasetMemo<string[] | undefined>(Math.max(1, enumerated));

  /** Values a `#+ enumerate:` parameter takes from the data: what the query returns for the same-named variable. */
  const valuesFromData = (query: SavedQuery, parameter: QueryParameter): Promise<string[] | undefined> =>
    enumerations(`${query.name}\0${parameter.name}`, () => dataValues(store, query, parameter));

  const describeParameter = async (query: SavedQuery, p: QueryParameter) => {
    const values = p.values ?? (p.enumerateFromData ? await valuesFromData(query, p) : undefined);
    return {
      name: p.name,
      required: p.required && p.default === undefined,
      type: p.typeName,
      ...(p.default !== undefined ? { default: p.default } : {}),
      ...(values !== undefined ? { values } : {}),
    };
  };

  app.addSchema(savedQueryAnswerSchema);
  app.addSchema(savedQueryListSchema);

  // Values read from the data are listed here, on first use: startup runs no query.
  app.get(savedQueriesPath, { schema: savedQueryListRouteSchema() }, async () => ({
    datasetVersion: store.version,
    queries: await Promise.all(
      catalog.queries.map(async (q) => ({
        name: q.name,
        summary: q.summary,
        ...(q.description ? { description: q.description } : {}),
        tags: q.tags,
        form: q.form,
        variables: q.variables,
        parameters: await Promise.all(q.parameters.map((p) => describeParameter(q, p))),
        ...(q.pageSize ? { pageSize: q.pageSize } : {}),
        href: apiBase + q.name,
        sparql: `${apiBase}${q.name}.rq`,
      })),
    ),
  }));

  const run = async (query: SavedQuery, suffix: string | undefined, request: QueryRequest, reply: FastifyReply) => {
    if (suffix === '.rq') return reply.type('application/sparql-query; charset=utf-8').send(query.text);

    // No format= here: the query string holds the saved query's own parameters.
    const representation = chooseRepresentation(request, reply, answerForms, { what: `the answer of query ${query.name}`, suffix }).name;

    const input = request.query;
    // Saved queries were written and reviewed with the project: cheap, so they may use the reserved workers.
    const client = clientOf(request, config.apiKeyHeader);
    const answer = await runSavedQuery(admittedStore(store, app.admission, { client, cheap: true }, config.queryTimeoutMs), query, input);
    // A value enumerated from the data that the data lacks gives no row; only then is the value looked up among
    // the data's values (a whole run of the query, memoised per version), so a known value costs nothing more.
    if (answer.result.kind === 'bindings' && answer.result.rows.length === 0 && answer.page === 1) {
      for (const parameter of query.parameters) {
        const term = answer.bindings[parameter.variable];
        if (!parameter.enumerateFromData || term === undefined) continue;
        const values = await valuesFromData(query, parameter);
        if (values !== undefined && !values.includes(term.value)) throw unknownValue(parameter, values, term.value, savedQueriesPath);
      }
    }
    setPaginationLinks(reply, answer, apiBase, input);
    if (answer.result.kind === 'bindings' && answer.result.truncated) reply.header('casegraph-truncated', 'true');
    return send(reply, representation, answer, store, config.baseIri, apiBase);
  };

  // The same byte cap as /sparql: a saved query's answer is bounded by its page and the data, but a parameter may
  // still pick out more than a client should be sent. Checked once written (JSON by the route schema's serialiser).
  const capAnswer: onSendAsyncHookHandler<unknown, RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, QueryRoute> = async (_request, reply, payload) => {
    if (reply.statusCode === 200 && (typeof payload === 'string' || Buffer.isBuffer(payload)) && Buffer.byteLength(payload) > config.maxAnswerBytes) {
      throw ContentTooLargeError.answerOver(config.maxAnswerBytes, 'ask for fewer rows or a later page');
    }
    return payload;
  };

  // One route per saved query, so Ajv checks its parameters from its own schema before it runs. The suffix
  // forms (.json, .csv, .srj, and .rq for the SPARQL) are the same operation: the document lists each query once.
  for (const query of catalog.queries) {
    const schema = savedQueryRouteSchema(query, savedQueriesPath);
    const url = `${savedQueriesPath}/${query.name}`;
    app.get<QueryRoute>(url, { schema, onSend: capAnswer }, (request: QueryRequest, reply) => run(query, undefined, request, reply));
    for (const { suffix } of answerForms) {
      app.get<QueryRoute>(`${url}${suffix}`, { schema: { ...schema, hide: true }, onSend: capAnswer }, (request: QueryRequest, reply) => run(query, suffix, request, reply));
    }
    // The SPARQL text takes no parameters: whatever the URL carries is ignored, as before.
    const text = { hide: true, response: { 200: opaqueAnswer('The SPARQL', ['application/sparql-query']) } } as FastifySchema;
    app.get(`${url}.rq`, { schema: text }, (request: QueryRequest, reply) => run(query, '.rq', request, reply));
  }

  // Every other name under the prefix: a 404 that names the query asked for, with or without a suffix.
  app.get<{ Params: { '*': string } }>(`${savedQueriesPath}/*`, {
    schema: { hide: true, params: { type: 'object', properties: { '*': { type: 'string' } } } },
  }, async (request) => {
    const path = request.params['*'];
    const name = path.replace(/\.(rq|json|csv|srj)$/, '');
    throw new NotFoundError(`no saved query named ${JSON.stringify(name)}; GET ${savedQueriesPath} lists them`);
  });
};

async function send(reply: FastifyReply, representation: AnswerForm['name'], answer: SavedQueryAnswer, store: GraphStore, baseIri: string, apiBase: string) {
  const { result, query } = answer;
  if (representation === 'sparql-json' || representation === 'csv') {
    const format = findResultFormat(representation === 'csv' ? 'csv' : 'json');
    if (!format?.kinds.includes(result.kind)) throw new NotAcceptableError(`query ${query.name} gives a graph; ask for JSON`);
    const body = await format.serialize(result, serializeContext(baseIri));
    return reply.type(`${format.mediaType}; charset=utf-8`).send(body);
  }
  const common = {
    query: query.name,
    summary: query.summary,
    datasetVersion: store.version,
    parameters: Object.fromEntries(Object.entries(answer.bindings).map(([variable, term]) => [query.parameters.find((p) => p.variable === variable)?.name ?? variable, flattenTerm(term)])),
    sparql: `${apiBase}${query.name}.rq`,
  };
  switch (result.kind) {
    case 'boolean':
      return reply.type('application/json; charset=utf-8').send({ ...common, boolean: result.value });
    case 'quads':
      throw new NotAcceptableError(`query ${query.name} gives a graph; run it at /sparql to choose an RDF format`);
    case 'bindings':
      return reply.type('application/json; charset=utf-8').send({
        ...common,
        variables: result.variables,
        rows: result.rows.map((row) => flattenRow(result.variables, row)),
        page: answer.page,
        ...(answer.pageSize ? { pageSize: answer.pageSize } : {}),
        hasNextPage: answer.hasNextPage,
        truncated: result.truncated,
      });
  }
}

/**
 * RFC 8288 links to the first, previous and next pages, keeping every other parameter as given, sorted by name
 * (a repeated one in its order): the answer must not depend on the order of the query string, which the
 * response cache's key does not keep.
 */
function setPaginationLinks(reply: FastifyReply, answer: SavedQueryAnswer, apiBase: string, input: Record<string, string | string[]>): void {
  if (answer.pageSize === undefined) return;
  const link = (page: number, rel: string) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(input).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (key === 'page') continue;
      for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
    }
    if (page > 1) params.set('page', String(page));
    const search = params.toString();
    return `<${apiBase}${answer.query.name}${search ? `?${search}` : ''}>; rel="${rel}"`;
  };
  const links = [link(1, 'first')];
  if (answer.page > 1) links.push(link(answer.page - 1, 'prev'));
  if (answer.hasNextPage) links.push(link(answer.page + 1, 'next'));
  reply.header('link', links.join(', '));
}

/**
 * The values the query returns for the parameter's variable, sorted; undefined when there are more rows than
 * MAX_RESULTS: a cut list would refuse values that are in the data, so no list is given and no value refused.
 */
async function dataValues(store: GraphStore, query: SavedQuery, parameter: QueryParameter): Promise<string[] | undefined> {
  const answer = await store.query({ query: query.text });
  if (answer.kind !== 'bindings') return [];
  if (answer.truncated) return undefined;
  return [...new Set(answer.rows.map((row) => row[parameter.name]?.value).filter((v): v is string => v !== undefined))].sort();
}

/** At most this many accepted values are named in an error; the catalog lists them all. */
const valuesInMessage = 20;

function unknownValue(parameter: QueryParameter, values: readonly string[], given: string, listPath: string): BadRequestError {
  const named = values.slice(0, valuesInMessage).join(', ');
  const more = values.length > valuesInMessage ? `, … (${values.length} in all; GET ${listPath} lists them)` : '';
  return new BadRequestError(`parameter "${parameter.name}" must be one of the values in the data: ${named}${more}; got ${JSON.stringify(given)}`);
}
