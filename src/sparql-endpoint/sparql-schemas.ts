// The SPARQL endpoint's route schemas: the protocol's parameters, bodies and answers at /sparql, for Ajv and the OpenAPI document.
import type { FastifySchema } from 'fastify';
import type { ResultFormat } from '../formats/result-formats.js';
import { plainTextAnswer, type ApiTag } from '../http/openapi-plugin.js';
import { formMediaType, queryMediaType } from './read-sparql-request.js';

export const sparqlTag: ApiTag = { name: 'sparql', description: 'The SPARQL 1.1 Protocol endpoint (read-only), its Service Description and its editor' };

/** Both routes read every parameter again from the raw request (readSparqlRequest): these say what it accepts. */
const protocolParameters = {
  'default-graph-uri': { type: 'array', items: { type: 'string' }, description: 'Graphs whose merge is the default graph (repeatable)' },
  'named-graph-uri': { type: 'array', items: { type: 'string' }, description: 'The only graphs GRAPH may see (repeatable)' },
  timeout: { type: 'number', exclusiveMinimum: 0, description: 'Deadline in seconds; may lower the server’s QUERY_TIMEOUT_MS, never raise it' },
};

export function sparqlSchemas(formats: readonly ResultFormat[]): { get: FastifySchema; post: FastifySchema; postDocumented: FastifySchema } {
  const format = {
    type: 'array',
    items: { type: 'string' },
    description: `Answer format, overriding Accept: ${formats.map((f) => f.name).join(', ')} (or a media type); repeatable, the first that fits wins`,
  };
  const answers = Object.fromEntries(formats.map((f) => [f.mediaType, { schema: { type: 'string', description: `format=${f.name}` } }]));
  const response = {
    200: {
      description: 'The answer, in the format Accept or format= asks for; without a query, the Service Description (Turtle, JSON-LD) or the editor (HTML)',
      content: { ...answers, 'text/html': { schema: { type: 'string', description: 'The editor' } } },
    },
    400: plainTextAnswer('A syntax error (with line and column), a refused feature (SERVICE, LOAD, FROM a URL the data lacks) or a bad parameter'),
    403: plainTextAnswer('An update: the endpoint is read-only'),
    406: plainTextAnswer('No acceptable format can carry this kind of result; the message lists those that can'),
    413: plainTextAnswer('A body over 1 MiB'),
    415: plainTextAnswer('A body that is neither a form nor application/sparql-query in UTF-8'),
    503: plainTextAnswer('The query was stopped at its time or memory limit'),
  };
  const tags = [sparqlTag.name];
  const post = {
    tags,
    summary: 'Run a read-only SPARQL query sent as a form or as the body',
    querystring: { type: 'object', properties: { ...protocolParameters, format } },
    // The body reaches the handler as raw text (the protocol reader parses the form itself), so both are strings here.
    body: { content: { [formMediaType]: { schema: { type: 'string' } }, [queryMediaType]: { schema: { type: 'string' } } } },
    response,
  };
  return {
    get: {
      tags,
      summary: 'Run a read-only SPARQL query given in the URL',
      querystring: {
        type: 'object',
        properties: {
          query: { type: 'string', description: 'The SPARQL query; without it, the Service Description or the editor' },
          ...protocolParameters,
          format,
        },
      },
      response,
    },
    post,
    // Hand-written for the document: the form's fields, which Ajv never sees as an object (see `body` above).
    postDocumented: {
      ...post,
      body: {
        content: {
          [formMediaType]: { schema: { type: 'object', required: ['query'], properties: { query: { type: 'string' }, ...protocolParameters, format } } },
          [queryMediaType]: { schema: { type: 'string', description: 'The query itself, UTF-8' } },
        },
      },
    },
  };
}
