// Sends one read query to a SPARQL server over HTTP (form-encoded POST) under our deadline and byte cap.
import { QueryTimeoutError, StoreUnavailableError } from '../../errors/casegraph-error.js';

export interface SparqlRequest {
  readonly query: string;
  /** Sent as default-graph-uri; never empty (an empty list would mean "every graph" to most servers). */
  readonly defaultGraphs: readonly string[];
  readonly namedGraphs: readonly string[];
  readonly accept: 'application/sparql-results+json' | 'application/n-triples';
  readonly timeoutMs: number;
}

export interface SparqlAnswer {
  readonly body: string;
  /** Virtuoso's X-SPARQL-MaxRows: the server cut the answer at its own row limit. */
  readonly serverRowLimit: number | undefined;
}

/**
 * Form-encoded POST, never `application/sparql-query` (Virtuoso never answers that: its issue 842), never a URL
 * too long for a GET. The deadline is ours: an AbortController cancels the HTTP call, whatever the server does.
 * A server that answers 200 with a partial result (Virtuoso's `X-SQL-State: S1TAT` after its own timeout) is
 * refused, never passed on as whole. Messages name neither the server's address nor any credential.
 */
export class SparqlClient {
  constructor(
    private readonly queryUrl: string,
    private readonly maxBytes: number,
  ) {}

  async send(request: SparqlRequest): Promise<SparqlAnswer> {
    const form = new URLSearchParams({ query: request.query });
    for (const g of request.defaultGraphs) form.append('default-graph-uri', g);
    for (const g of request.namedGraphs) form.append('named-graph-uri', g);
    const controller = new AbortController();
    // A holder, not a let: the flag is set in the timer's callback, after the checks below were compiled.
    const deadline = { passed: false };
    const timer = setTimeout(() => {
      deadline.passed = true;
      controller.abort();
    }, request.timeoutMs);
    try {
      const response = await fetch(this.queryUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: request.accept },
        body: form,
        signal: controller.signal,
        redirect: 'error',
      });
      const body = await readCapped(response, this.maxBytes, controller);
      if (response.headers.get('x-sql-state') === 'S1TAT') {
        throw new StoreUnavailableError(
          'the store stopped the query at its own time limit and sent a partial answer; casegraph does not serve partial answers',
        );
      }
      if (response.status >= 400 && response.status < 500) throw new StoreRefusal(response.status, firstLine(body));
      // The server's first line says why (Virtuoso: "The estimated execution time … exceeds the limit"); it names the
      // query's trouble, never our address or credentials (those are not in a query).
      if (!response.ok) throw new StoreUnavailableError(`the store answered HTTP ${response.status}${body.trim() ? ` (${firstLine(body)})` : ''}`);
      const limit = response.headers.get('x-sparql-maxrows');
      return { body, serverRowLimit: limit !== null && /^\d+$/.test(limit) ? Number(limit) : undefined };
    } catch (error) {
      if (deadline.passed) throw new QueryTimeoutError(`the query ran past its ${request.timeoutMs} ms limit`, undefined, { cause: error });
      if (error instanceof StoreUnavailableError || error instanceof StoreRefusal) throw error;
      throw new StoreUnavailableError('the store could not be reached', undefined, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The server refused the query (4xx): its own dialect or limits, told apart from an outage. */
export class StoreRefusal extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(`the store refused the query (HTTP ${status}): ${detail}`);
  }
}

/** Reads the body up to `maxBytes`; a larger answer stops the transfer and is refused as a whole. */
async function readCapped(response: Response, maxBytes: number, controller: AbortController): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      controller.abort();
      throw new StoreUnavailableError(`the store's answer is larger than SPARQL_MAX_BYTES (${maxBytes} bytes); casegraph does not serve part of it`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim() !== '') ?? '').trim().slice(0, 300);
}
