// The research API's route schemas: the list, and each saved query's querystring generated from its BASIL parameters.
import type { FastifySchema } from 'fastify';
import { plainTextAnswer, type ApiTag } from '../http/openapi-plugin.js';
import { lexicalForms } from './bind-query-parameters.js';
import type { QueryParameter, SavedQuery } from './saved-query.js';

export const savedQueriesTag: ApiTag = {
  name: 'research queries',
  description: 'Curated SPARQL queries (queries/*.rq) run with bound parameters; each answer links to the SPARQL behind it.',
};

const cell = { type: ['string', 'number', 'boolean', 'null'] };

/** One page of a SELECT's rows (or an ASK's boolean), shared as the component `SavedQueryAnswer`. */
export const savedQueryAnswerSchema = {
  $id: 'SavedQueryAnswer',
  type: 'object',
  required: ['query', 'summary', 'datasetVersion', 'parameters', 'sparql', 'variables', 'rows', 'page', 'hasNextPage', 'truncated'],
  properties: {
    query: { type: 'string' },
    summary: { type: 'string' },
    datasetVersion: { type: 'string' },
    parameters: { type: 'object', additionalProperties: cell },
    sparql: { type: 'string', format: 'iri' },
    variables: { type: 'array', items: { type: 'string' } },
    rows: { type: 'array', items: { type: 'object', additionalProperties: cell } },
    page: { type: 'integer', minimum: 1 },
    pageSize: { type: 'integer', minimum: 1 },
    hasNextPage: { type: 'boolean' },
    truncated: { type: 'boolean' },
  },
};

/** The answer of GET /api/queries, shared as the component `SavedQueryList`. */
export const savedQueryListSchema = {
  $id: 'SavedQueryList',
  type: 'object',
  required: ['datasetVersion', 'queries'],
  properties: {
    datasetVersion: { type: 'string' },
    queries: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'summary', 'tags', 'form', 'variables', 'parameters', 'href', 'sparql'],
        properties: {
          name: { type: 'string' },
          summary: { type: 'string' },
          description: { type: 'string' },
          tags: { type: 'array', items: { type: 'string' } },
          form: { enum: ['select', 'ask', 'construct', 'describe'] },
          variables: { type: 'array', items: { type: 'string' } },
          pageSize: { type: 'integer' },
          href: { type: 'string', format: 'iri' },
          sparql: { type: 'string', format: 'iri' },
          parameters: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'required', 'type'],
              properties: { name: { type: 'string' }, required: { type: 'boolean' }, type: { type: 'string' }, default: { type: 'string' }, values: { type: 'array', items: { type: 'string' } } },
            },
          },
        },
      },
    },
  },
};

export function savedQueryListRouteSchema(): FastifySchema {
  return {
    tags: [savedQueriesTag.name],
    summary: 'The saved research queries: name, summary, tags, parameters with accepted values, links',
    response: { 200: { description: 'The list', content: { 'application/json': { schema: { $ref: 'SavedQueryList#' } } } } },
  };
}

function describeParameter(p: QueryParameter, basePath: string): string {
  const what = p.typeName === 'iri' ? 'An IRI (absolute, or relative to the base IRI)' : `A ${p.typeName}`;
  const values = p.enumerateFromData ? ` Accepted values are those in the data, listed by GET ${basePath}.` : '';
  return `${what}, bound to ?${p.variable}.${values}`;
}

/**
 * A parameter as the querystring schema checks it: always text (the binder keeps the lexical form as given),
 * with the lexical form of its datatype as `pattern` and its type name as `title` for the 400's wording.
 * Values listed in the front matter become `enum`; values read from the data are not known before a query
 * runs (startup runs none), so the route checks those, and the description points to GET /api/queries.
 */
function parameterSchema(p: QueryParameter, basePath: string): Record<string, unknown> {
  const lexical = p.type.kind === 'literal' ? lexicalForms[p.type.datatype] : undefined;
  return {
    type: 'string',
    title: p.typeName,
    description: describeParameter(p, basePath),
    ...(lexical ? { pattern: lexical.source } : {}),
    ...(p.values ? { enum: [...p.values] } : {}),
    ...(p.default !== undefined ? { default: p.default } : {}),
  };
}

/** The schema of GET {basePath}/{query.name}: its querystring from the BASIL parameters, its answers. */
export function savedQueryRouteSchema(query: SavedQuery, basePath: string): FastifySchema {
  const properties: Record<string, unknown> = Object.fromEntries(query.parameters.map((p) => [p.name, parameterSchema(p, basePath)]));
  if (query.pageSize !== undefined) {
    properties.page = { type: 'integer', minimum: 1, maximum: 999_999, default: 1, description: `Page number; ${query.pageSize} rows a page.` };
  }
  const required = query.parameters.filter((p) => p.required && p.default === undefined).map((p) => p.name);
  return {
    tags: [savedQueriesTag.name, ...query.tags],
    operationId: `query:${query.name}`,
    summary: query.summary,
    ...(query.description ? { description: `${query.description} The SPARQL: ${basePath}/${query.name}.rq` } : {}),
    querystring: { type: 'object', properties, ...(required.length ? { required } : {}) },
    response: {
      200: {
        description: `One page of rows${query.variables.length ? `, with the columns ${query.variables.join(', ')}` : ''}`,
        content: {
          'application/json': {
            schema: {
              allOf: [
                { $ref: 'SavedQueryAnswer#' },
                { properties: { rows: { items: { required: [...query.variables], properties: Object.fromEntries(query.variables.map((v) => [v, cell])) } } } },
              ],
            },
          },
          'text/csv': { schema: { type: 'string' } },
          'application/sparql-results+json': { schema: { type: 'object' } },
        },
      },
      400: plainTextAnswer('A parameter is missing, malformed, repeated, unknown or not among the accepted values'),
      406: plainTextAnswer('None of the accepted media types can be given'),
      413: plainTextAnswer('The answer is larger than MAX_ANSWER_BYTES'),
    },
  };
}
