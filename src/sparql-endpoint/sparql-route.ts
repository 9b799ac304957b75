// The SPARQL 1.1 Protocol endpoint at /sparql: queries by GET and POST; without a query, the Service Description or the editor.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { sparqlSchemas } from './sparql-schemas.js';
import { hiddenRoute } from '../http/openapi-plugin.js';
import { ContentTooLargeError, MethodNotAllowedError } from '../errors/casegraph-error.js';
import type { ResultKind } from '../engine/query-analyzer.js';
import { serializeContext, type ResultFormat } from '../formats/result-formats.js';
import { chooseRepresentation, type ChooseOptions, type Representation } from '../http/choose-representation.js';
import { clientOf, queryKey } from '../http/admission-plugin.js';
import { queryHash } from '../http/query-hash.js';
import { formats as formatsNs, relativeNamespaces, sd, voidNs } from '../vocabulary/namespaces.js';
import { editorPage, type EditorExample } from './editor-page.js';
import { readSparqlRequest, checkBodyType } from './read-sparql-request.js';
import { serviceDescription } from './service-description.js';

export interface SparqlRouteOptions {
  /** Result serializers, in the server's order of preference. */
  readonly formats: readonly ResultFormat[];
  /** Example queries for the editor's menu (already checked at startup by whoever loaded them). */
  readonly examples: readonly EditorExample[];
}

/** Response header set when the answer was cut at the row/triple cap (MAX_RESULTS). */
export const truncatedHeader = 'casegraph-truncated';
/** Response header naming the dataset version that answered. */
export const versionHeader = 'casegraph-dataset-version';

export const sparqlPath = '/sparql';
const allowedMethods = ['GET', 'HEAD', 'POST', 'OPTIONS'];
/** The query editor, for browsers asking /sparql without a query. */
const editor: Representation = { name: 'html', mediaType: 'text/html' };
const resultKinds: readonly ResultKind[] = ['bindings', 'boolean', 'quads'];
const kindLabels: Readonly<Record<ResultKind, string>> = {
  bindings: 'a SELECT result',
  boolean: 'an ASK result',
  quads: 'a CONSTRUCT/DESCRIBE graph',
};
/** The editor page loads only what this server serves. */
const editorSecurityPolicy =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export const sparqlRoute: FastifyPluginAsync<SparqlRouteOptions> = async (app, { formats, examples }) => {
  const { store, config } = app;
  const endpoint = config.baseIri + relativeNamespaces.sparqlEndpoint;
  const description = serviceDescription(endpoint, store, formats);
  const page = editorPage(examples, store.version);
  const context = serializeContext(config.baseIri);
  const descriptionContext = { ...context, prefixes: { ...context.prefixes, sd: sd.iri, formats: formatsNs.iri, void: voidNs.iri } };

  // Only the protocol's two body types are read; anything else is a 415 before the body is consumed.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    try {
      checkBodyType(request.headers['content-type']);
      done(null, body);
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  app.addHook('onRequest', async (_request, reply) => {
    reply.header(versionHeader, store.version);
  });

  const handle = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const protocol = readSparqlRequest({
      method: request.method === 'HEAD' ? 'GET' : request.method,
      url: request.raw.url ?? request.url,
      contentType: request.headers['content-type'],
      body: typeof request.body === 'string' ? request.body : undefined,
    });
    // The routes attach schema failures instead of answering them, so the protocol's own messages come first;
    // what the schema refuses and the protocol reader let through is still a 400.
    if (request.validationError) throw request.validationError;
    const byFormat = (kind: ResultKind, what: string): ChooseOptions<ResultFormat> => ({
      what,
      format: protocol.formats,
      formatMayRepeat: true,
      formatSynonyms: kind === 'quads' ? { ...formatSynonyms, ...graphSynonyms } : formatSynonyms,
      known: formats,
    });

    if (protocol.query === undefined) {
      const choice = chooseRepresentation<ResultFormat | Representation>(
        request,
        reply,
        [...formatsFor(formats, 'quads'), editor],
        byFormat('quads', 'a Service Description or the editor'),
      );
      if (choice === editor) {
        return reply.type('text/html; charset=utf-8').header('content-security-policy', editorSecurityPolicy).send(page);
      }
      const format = choice as ResultFormat;
      return reply.type(contentType(format)).send(await format.serialize({ kind: 'quads', quads: description, truncated: false }, descriptionContext));
    }

    // The query is parsed in a worker, under its deadline, never on this thread: a huge query (parsing 380 KB
    // took a second) would otherwise stall every other request. So the kind of answer is known only after
    // evaluation; a request that no kind of answer could satisfy is refused before it.
    // Some format must be able to carry some kind of answer: choosing among all of them checks exactly that.
    chooseRepresentation(request, reply, formats, byFormat('bindings', 'any SPARQL answer'));

    const timeoutMs = Math.min(protocol.timeoutMs ?? config.queryTimeoutMs, config.queryTimeoutMs);
    const queryRequest = {
      query: protocol.query,
      defaultGraphs: protocol.defaultGraphs.length > 0 ? protocol.defaultGraphs : undefined,
      namedGraphs: protocol.namedGraphs.length > 0 ? protocol.namedGraphs : undefined,
    };
    // Admission first (queue, the client's share and budget, the lane for cheap queries); the deadline runs from here.
    const ticket = { client: clientOf(request, config.apiKeyHeader), query: queryKey(queryRequest), deadlineMs: timeoutMs };
    // The time the query ran on a worker, not counting its wait for one: for the log line.
    let queryMs = 0;
    const timed = async <T>(work: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      try {
        return await work();
      } finally {
        queryMs = performance.now() - started;
      }
    };
    const writeAnswer = store.answer?.bind(store);
    if (writeAnswer) {
      // The worker writes the answer too, under MAX_ANSWER_BYTES: it needs the format for each kind of result.
      const chosen: Partial<Record<ResultKind, string>> = {};
      for (const kind of resultKinds) {
        try {
          chosen[kind] = chooseRepresentation(request, reply, formatsFor(formats, kind), byFormat(kind, kindLabels[kind])).name;
        } catch {
          // No acceptable format carries this kind: refused below if the query gives it.
        }
      }
      const answerRequest = { formats: chosen, context, maxBytes: config.maxAnswerBytes };
      const answer = await app.admission.run(ticket, (remainingMs) => timed(() => writeAnswer({ ...queryRequest, timeoutMs: remainingMs }, answerRequest)));
      logAnswered(request, queryMs, answer.body.byteLength);
      const format =
        formats.find((f) => f.name === answer.format) ??
        chooseRepresentation(request, reply, formatsFor(formats, answer.kind), byFormat(answer.kind, kindLabels[answer.kind]));
      if (answer.truncated) reply.header(truncatedHeader, 'true');
      return reply.type(contentType(format)).send(Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength));
    }
    const result = await app.admission.run(ticket, (remainingMs) => timed(() => store.query({ ...queryRequest, timeoutMs: remainingMs })));
    logAnswered(request, queryMs);
    const format = chooseRepresentation(request, reply, formatsFor(formats, result.kind), byFormat(result.kind, kindLabels[result.kind]));
    if (result.kind !== 'boolean' && result.truncated) reply.header(truncatedHeader, 'true');
    // A store that cannot write answers itself (STORE=sparql) still keeps MAX_ANSWER_BYTES, checked once written here.
    const body = await format.serialize(result, context);
    if (Buffer.byteLength(body) > config.maxAnswerBytes) throw ContentTooLargeError.answerOver(config.maxAnswerBytes, 'ask for fewer rows or shorter values');
    return reply.type(contentType(format)).send(body);
  };

  const schemas = sparqlSchemas(formats);
  app.get(sparqlPath, { schema: schemas.get, attachValidation: true }, handle);
  app.post(
    sparqlPath,
    {
      schema: schemas.post,
      attachValidation: true,
      config: { swaggerTransform: ({ url }: { url: string }) => ({ url, schema: schemas.postDocumented }) },
    },
    handle,
  );
  // Not an operation of the API: only a 405 naming the methods that are.
  app.route({
    ...hiddenRoute,
    method: ['PUT', 'DELETE', 'PATCH'],
    url: sparqlPath,
    handler: async (request) => {
      throw new MethodNotAllowedError(`${request.method} is not allowed here: query with GET or POST`, allowedMethods);
    },
  });
};

/** The formats that can carry a kind of answer, in the server's order. */
function formatsFor(formats: readonly ResultFormat[], kind: ResultKind): ResultFormat[] {
  return formats.filter((f) => f.kinds.includes(kind));
}

function contentType(format: ResultFormat): string {
  return /^text\/|\+xml$|json$/.test(format.mediaType) ? `${format.mediaType}; charset=utf-8` : format.mediaType;
}

/** Other names clients use in `format=` (SPARQLWrapper sends `json-ld` and `n3`; a Turtle document is valid N3). */
const formatSynonyms: Readonly<Record<string, string>> = { 'json-ld': 'jsonld', n3: 'turtle', ttl: 'turtle', nt: 'ntriples', nq: 'nquads', rdf: 'rdfxml' };
/**
 * `format=xml` and `format=json` mean the XML or JSON form of the answer: SPARQL XML or JSON for SELECT/ASK, RDF/XML
 * or JSON-LD for a graph, as Virtuoso and Fuseki answer (SPARQLWrapper's setReturnFormat(JSON) on a CONSTRUCT).
 */
const graphSynonyms: Readonly<Record<string, string>> = { xml: 'rdfxml', json: 'jsonld' };

/**
 * One info line per answered query: its hash (never the text), how long it waited and ran, and the bytes written.
 * Stopped and refused queries get theirs from the error handler.
 */
function logAnswered(request: FastifyRequest, queryMs: number, bytes?: number): void {
  request.log.info({ queryHash: queryHash(request), queryMs: Math.round(queryMs), bytes }, 'query answered');
}
