// Reads a SPARQL 1.1 Protocol query request (GET, form POST, direct POST) into one checked value, or says what is wrong.
import { BadRequestError, ForbiddenError, UnsupportedMediaTypeError } from '../errors/casegraph-error.js';

export interface SparqlRequest {
  /** Undefined when the request names no query: the endpoint then describes itself. */
  readonly query: string | undefined;
  readonly defaultGraphs: readonly string[];
  readonly namedGraphs: readonly string[];
  /** Client deadline from `timeout=` (seconds), in milliseconds, not yet capped by the server's. */
  readonly timeoutMs: number | undefined;
  /**
   * Every `format=` value (short names or media types), overriding Accept. Several are allowed because
   * clients such as SPARQLWrapper send a name and a media type for the same format.
   */
  readonly formats: readonly string[];
}

export interface ProtocolInput {
  readonly method: string;
  /** Request target as sent, e.g. `/sparql?query=...`. */
  readonly url: string;
  readonly contentType: string | undefined;
  /** Raw body text for POST (undefined for GET or an empty body). */
  readonly body: string | undefined;
}

export const formMediaType = 'application/x-www-form-urlencoded';
export const queryMediaType = 'application/sparql-query';
export const updateMediaType = 'application/sparql-update';

const readOnly = 'this endpoint is read-only: SPARQL Update is not accepted';

/** Splits `type/subtype; charset=x` into its lower-cased media type and charset. */
export function parseContentType(header: string | undefined): { mediaType: string; charset: string | undefined } {
  const [type = '', ...params] = (header ?? '').split(';');
  let charset: string | undefined;
  for (const param of params) {
    const [name = '', value = ''] = param.split('=').map((s) => s.trim());
    if (name.toLowerCase() === 'charset') charset = value.replace(/^"(.*)"$/, '$1').toLowerCase();
  }
  return { mediaType: type.trim().toLowerCase(), charset };
}

/** Checks a POST body's media type and charset before it is read: only UTF-8 is accepted. */
export function checkBodyType(header: string | undefined): string {
  const { mediaType, charset } = parseContentType(header);
  if (mediaType === '') {
    throw new UnsupportedMediaTypeError(`a POST needs a Content-Type: ${formMediaType} or ${queryMediaType}`);
  }
  if (mediaType !== formMediaType && mediaType !== queryMediaType && mediaType !== updateMediaType) {
    throw new UnsupportedMediaTypeError(`unsupported Content-Type ${mediaType}: send ${formMediaType} or ${queryMediaType}`);
  }
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new UnsupportedMediaTypeError(`unsupported charset ${charset}: the body must be UTF-8`);
  }
  return mediaType;
}

export function readSparqlRequest(input: ProtocolInput): SparqlRequest {
  const queryIndex = input.url.indexOf('?');
  const urlParams = new URLSearchParams(queryIndex >= 0 ? input.url.slice(queryIndex + 1) : '');
  let params = urlParams;
  let directQuery: string | undefined;

  if (input.method === 'POST') {
    const mediaType = checkBodyType(input.contentType);
    if (mediaType === updateMediaType) throw new ForbiddenError(readOnly);
    if (mediaType === formMediaType) {
      params = new URLSearchParams(input.body ?? '');
      // The protocol puts form parameters in the body, but clients also send the dataset in the URL.
      for (const [name, value] of urlParams) params.append(name, value);
    } else {
      directQuery = input.body ?? '';
    }
  }

  if (params.has('update')) throw new ForbiddenError(readOnly);
  const queries = params.getAll('query');
  if (directQuery !== undefined) {
    if (queries.length > 0) throw new BadRequestError('give the query either in the body or as query=, not both');
    queries.push(directQuery);
  }
  if (queries.length > 1) throw new BadRequestError(`query= was given ${queries.length} times; send exactly one query`);
  const query = queries[0];
  if (query?.trim() === '') throw new BadRequestError('the query is empty');
  if (query === undefined && input.method === 'POST') throw new BadRequestError('the request has no query');

  return {
    query,
    defaultGraphs: graphIris(params, 'default-graph-uri'),
    namedGraphs: graphIris(params, 'named-graph-uri'),
    timeoutMs: timeout(params),
    formats: params.getAll('format'),
  };
}

function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw new BadRequestError(`${name}= was given ${values.length} times; give it at most once`);
  return values[0];
}

function graphIris(params: URLSearchParams, name: string): string[] {
  const values = params.getAll(name);
  for (const value of values) {
    if (!/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i.test(value)) {
      throw new BadRequestError(`${name} must be an absolute IRI, got ${JSON.stringify(value)}`);
    }
  }
  return values;
}

/**
 * The shortest deadline a client may set. Below it, nearly every query would be stopped, and stopping one means
 * terminating its worker: `timeout=0.001` in a loop would keep workers restarting for everyone else.
 */
export const minimumTimeoutMs = 100;

/** `timeout=` is in seconds (decimals allowed, e.g. 0.5), like Fuseki's; it can only lower the server's deadline. */
function timeout(params: URLSearchParams): number | undefined {
  const raw = single(params, 'timeout');
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !(seconds > 0)) {
    throw new BadRequestError(`timeout must be a positive number of seconds, got ${JSON.stringify(raw)}`);
  }
  return Math.max(minimumTimeoutMs, Math.round(seconds * 1000));
}
