// Sends SPARQL updates to a store's authenticated update endpoint (HTTP Digest or Basic), for the loader only.
import { createHash, randomBytes } from 'node:crypto';
import { StoreUnavailableError } from '../../errors/casegraph-error.js';

export interface UpdateEndpoint {
  readonly url: string;
  readonly user: string | undefined;
  readonly password: string | undefined;
  /** Deadline of one update request. */
  readonly timeoutMs: number;
}

/**
 * Form-encoded POST of `update=` (SPARQL 1.1 Protocol). Virtuoso opens its update endpoint (`/sparql-auth`) only with
 * HTTP Digest: the first request learns the challenge, the answer to it is computed here (RFC 7616, MD5, qop=auth),
 * so the password never crosses the wire. A server that asks for Basic gets Basic. Messages never hold the
 * address or a credential.
 */
export class SparqlUpdateClient {
  private nonceCount = 0;

  constructor(private readonly endpoint: UpdateEndpoint) {}

  async update(text: string): Promise<void> {
    const body = new URLSearchParams({ update: text }).toString();
    let response = await this.post(body, undefined);
    if (response.status === 401) {
      const challenge = response.headers.get('www-authenticate') ?? '';
      await response.body?.cancel();
      if (this.endpoint.user === undefined || this.endpoint.password === undefined) {
        throw new StoreUnavailableError('the update endpoint asks for credentials: set SPARQL_USER and SPARQL_PASSWORD');
      }
      response = await this.post(body, this.authorization(challenge));
    }
    const answer = await response.text();
    if (response.status === 401 || response.status === 403)
      throw new StoreUnavailableError(`the update endpoint refused the credentials (HTTP ${response.status})`);
    if (!response.ok) throw new StoreUnavailableError(`the update failed (HTTP ${response.status}): ${firstLine(answer)}`);
  }

  private async post(body: string, authorization: string | undefined): Promise<Response> {
    try {
      return await fetch(this.endpoint.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(authorization ? { authorization } : {}) },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.endpoint.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new StoreUnavailableError(
        timedOut ? `an update ran past its ${this.endpoint.timeoutMs} ms limit` : 'the update endpoint could not be reached',
        undefined,
        {
          cause: error,
        },
      );
    }
  }

  private authorization(challenge: string): string {
    const user = this.endpoint.user as string;
    const password = this.endpoint.password as string;
    if (/^basic/i.test(challenge.trim())) return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    if (!/^digest/i.test(challenge.trim())) throw new StoreUnavailableError('the update endpoint asks for an authentication scheme casegraph does not speak');
    const params = digestParams(challenge);
    const realm = params.realm ?? '';
    const nonce = params.nonce ?? '';
    const uri = new URL(this.endpoint.url).pathname + new URL(this.endpoint.url).search;
    const md5 = (text: string) => createHash('md5').update(text).digest('hex');
    const ha1 = md5(`${user}:${realm}:${password}`);
    const ha2 = md5(`POST:${uri}`);
    const qop = params.qop
      ?.split(',')
      .map((q) => q.trim())
      .includes('auth')
      ? 'auth'
      : undefined;
    const nc = (++this.nonceCount).toString(16).padStart(8, '0');
    const cnonce = randomBytes(8).toString('hex');
    const response = qop ? md5(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : md5(`${ha1}:${nonce}:${ha2}`);
    const fields = [
      `username="${user}"`,
      `realm="${realm}"`,
      `nonce="${nonce}"`,
      `uri="${uri}"`,
      ...(qop ? [`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`] : []),
      `response="${response}"`,
      ...(params.opaque !== undefined ? [`opaque="${params.opaque}"`] : []),
      ...(params.algorithm !== undefined ? [`algorithm=${params.algorithm}`] : []),
    ];
    return `Digest ${fields.join(', ')}`;
  }
}

/** `Digest realm="x", nonce="y", qop="auth"` as a record. */
function digestParams(challenge: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of challenge.replace(/^digest\s+/i, '').matchAll(/([a-z]+)=(?:"([^"]*)"|([^,\s]*))/gi)) {
    out[(match[1] as string).toLowerCase()] = match[2] ?? match[3] ?? '';
  }
  return out;
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim() !== '') ?? '').trim().slice(0, 300);
}
