// The SPARQL endpoint's part of the OpenAPI document: the protocol's parameters, bodies and answers at /sparql.
import type { ResultFormat } from '../formats/result-formats.js';
import type { OpenApiFragment } from '../http/openapi-plugin.js';

const text = { 'text/plain': { schema: { type: 'string' } } };

export function sparqlOpenApi(path: string, formats: readonly ResultFormat[]): OpenApiFragment {
  const answers = Object.fromEntries(formats.map((f) => [f.mediaType, { schema: { type: 'string' }, description: `format=${f.name}` }]));
  const protocolParameters = [
    { name: 'default-graph-uri', in: 'query', schema: { type: 'array', items: { type: 'string' } }, description: 'Graphs whose merge is the default graph (repeatable)' },
    { name: 'named-graph-uri', in: 'query', schema: { type: 'array', items: { type: 'string' } }, description: 'The only graphs GRAPH may see (repeatable)' },
    { name: 'timeout', in: 'query', schema: { type: 'number', exclusiveMinimum: 0 }, description: 'Deadline in seconds; may lower the server’s QUERY_TIMEOUT_MS, never raise it' },
    { name: 'format', in: 'query', schema: { type: 'string' }, description: `Answer format, overriding Accept: ${formats.map((f) => f.name).join(', ')} (or a media type)` },
  ];
  const responses = {
    '200': { description: 'The answer, in the format Accept or format= asks for; without a query, the Service Description (Turtle, JSON-LD) or the editor (HTML)', content: answers },
    '400': { description: 'A syntax error (with line and column), a refused feature (SERVICE, LOAD, FROM a URL the data lacks) or a bad parameter', content: text },
    '403': { description: 'An update: the endpoint is read-only', content: text },
    '406': { description: 'No acceptable format can carry this kind of result; the message lists those that can', content: text },
    '413': { description: 'A body over 1 MiB', content: text },
    '415': { description: 'A body that is neither a form nor application/sparql-query in UTF-8', content: text },
    '503': { description: 'The query was stopped at its time or memory limit', content: text },
  };
  return {
    tags: [{ name: 'sparql', description: 'The SPARQL 1.1 Protocol endpoint (read-only), its Service Description and its editor' }],
    paths: {
      [path]: {
        get: {
          tags: ['sparql'],
          summary: 'Run a read-only SPARQL query given in the URL',
          parameters: [{ name: 'query', in: 'query', schema: { type: 'string' }, description: 'The SPARQL query; without it, the Service Description or the editor' }, ...protocolParameters],
          responses,
        },
        post: {
          tags: ['sparql'],
          summary: 'Run a read-only SPARQL query sent as a form or as the body',
          parameters: protocolParameters,
          requestBody: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': { schema: { type: 'object', required: ['query'], properties: { query: { type: 'string' } } } },
              'application/sparql-query': { schema: { type: 'string' } },
            },
          },
          responses,
        },
      },
    },
  };
}
