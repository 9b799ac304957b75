// The research API's part of the OpenAPI document: the list, and one operation per saved query with its parameters.
import type { OpenApiFragment } from '../http/openapi-plugin.js';
import type { QueryParameter, SavedQuery } from './saved-query.js';

const parameterSchemas: Readonly<Record<string, Record<string, unknown>>> = {
  iri: { type: 'string', format: 'iri-reference' },
  integer: { type: 'string', pattern: '^[+-]?[0-9]+$' },
  decimal: { type: 'string', pattern: '^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$' },
  boolean: { type: 'string', enum: ['true', 'false', '1', '0'] },
  date: { type: 'string', format: 'date' },
  gYear: { type: 'string', pattern: '^[0-9]{4}$' },
  gYearMonth: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' },
};

function describeParameter(p: QueryParameter, basePath: string): string {
  const what = p.typeName === 'iri' ? 'An IRI (absolute, or relative to the base IRI)' : `A ${p.typeName}`;
  const values = p.enumerateFromData ? ` Accepted values are those in the data, listed by GET ${basePath}.` : '';
  return `${what}, bound to ?${p.variable}.${values}`;
}

const cell = { type: ['string', 'number', 'boolean', 'null'] };
const errorResponse = (description: string) => ({ description, content: { 'text/plain': { schema: { type: 'string' } } } });

/**
 * Values listed in the front matter become `enum`; values read from the data are not known before a query
 * runs, so those parameters point to GET /api/queries, which lists them.
 */
export function savedQueryOpenApi(queries: readonly SavedQuery[], basePath: string): OpenApiFragment {
  const paths: Record<string, Record<string, unknown>> = {
    [basePath]: {
      get: {
        tags: ['research queries'],
        summary: 'The saved research queries: name, summary, tags, parameters with accepted values, links',
        responses: { '200': { description: 'The list', content: { 'application/json': { schema: { $ref: '#/components/schemas/SavedQueryList' } } } } },
      },
    },
  };
  for (const query of queries) {
    const parameters = query.parameters.map((p) => ({
      name: p.name,
      in: 'query',
      required: p.required && p.default === undefined,
      description: describeParameter(p, basePath),
      schema: {
        ...(parameterSchemas[p.typeName] ?? { type: 'string' }),
        ...(p.default !== undefined ? { default: p.default } : {}),
        ...(p.values ? { enum: p.values } : {}),
      },
    }));
    if (query.pageSize !== undefined) {
      parameters.push({ name: 'page', in: 'query', required: false, description: `Page number; ${query.pageSize} rows a page.`, schema: { type: 'integer', minimum: 1, default: 1 } as never });
    }
    paths[`${basePath}/${query.name}`] = {
      get: {
        tags: ['research queries', ...query.tags],
        operationId: `query:${query.name}`,
        summary: query.summary,
        ...(query.description ? { description: `${query.description} The SPARQL: ${basePath}/${query.name}.rq` } : {}),
        parameters,
        responses: {
          '200': {
            description: `One page of rows${query.variables.length ? `, with the columns ${query.variables.join(', ')}` : ''}`,
            content: {
              'application/json': {
                schema: {
                  allOf: [
                    { $ref: '#/components/schemas/SavedQueryAnswer' },
                    { properties: { rows: { items: { required: [...query.variables], properties: Object.fromEntries(query.variables.map((v) => [v, cell])) } } } },
                  ],
                },
              },
              'text/csv': { schema: { type: 'string' } },
              'application/sparql-results+json': { schema: { type: 'object' } },
            },
          },
          '400': errorResponse('A parameter is missing, malformed, repeated, unknown or not among the accepted values'),
          '406': errorResponse('None of the accepted media types can be given'),
        },
      },
    };
  }
  return {
    tags: [{ name: 'research queries', description: 'Curated SPARQL queries (queries/*.rq) run with bound parameters; each answer links to the SPARQL behind it.' }],
    paths,
    schemas: {
      SavedQueryAnswer: {
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
      },
      SavedQueryList: {
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
      },
    },
  };
}
