// Typed errors: each carries the HTTP status it maps to and, where known, where it went wrong.

export interface ErrorLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/** Base class for every error casegraph raises on purpose. `status` is what HTTP answers with. */
export class CasegraphError extends Error {
  readonly status: number = 500;
  readonly location: ErrorLocation | undefined;

  constructor(message: string, location?: ErrorLocation, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.location = location;
  }

  /** "file:line:column: message", the form editors and terminals link to. */
  describe(): string {
    const where = formatLocation(this.location);
    return where ? `${where}: ${this.message}` : this.message;
  }
}

export function formatLocation(location: ErrorLocation | undefined): string {
  if (!location) return '';
  const parts = [location.file, location.line, location.column].filter((p) => p !== undefined);
  return parts.join(':');
}

/** Data, ontology or query files that cannot be read: startup stops. */
export class DataError extends CasegraphError {
  override readonly status = 500;
}

/** A bad setting in the environment or on the command line. */
export class ConfigError extends CasegraphError {
  override readonly status = 500;
}

/** The client sent something we cannot process (bad query, bad parameter). */
export class BadRequestError extends CasegraphError {
  override readonly status = 400;
}

/** The client asked for something that is not there. */
export class NotFoundError extends CasegraphError {
  override readonly status = 404;
}

/** The client asked for a form we cannot produce. */
export class NotAcceptableError extends CasegraphError {
  override readonly status = 406;
}

/** The client sent a body in a form we do not read. */
export class UnsupportedMediaTypeError extends CasegraphError {
  override readonly status = 415;
}

/** A query ran past its deadline and was stopped. */
export class QueryTimeoutError extends CasegraphError {
  override readonly status = 503;
}

/** The graph store did not answer, or answered something casegraph cannot serve as whole (a remote store's outage, a cut answer). */
export class StoreUnavailableError extends CasegraphError {
  override readonly status = 503;
}

/** A query needed more memory than a query worker may use and was stopped. */
export class QueryMemoryError extends CasegraphError {
  override readonly status = 503;
}

/** The client may not do this here at all (e.g. a SPARQL update on the read-only endpoint). */
export class ForbiddenError extends CasegraphError {
  override readonly status = 403;
}

/** The route exists but not for this HTTP method; `allow` lists the methods it answers. */
export class MethodNotAllowedError extends CasegraphError {
  override readonly status = 405;
  readonly allow: readonly string[];

  constructor(message: string, allow: readonly string[]) {
    super(message);
    this.allow = allow;
  }
}

/** A limit that clears with time: the answer carries Retry-After with the seconds to wait. */
export interface RetryAfter {
  readonly retryAfterSeconds: number;
}

/** One client asked for more than its share (queries at once, or query time per minute); it may retry later. */
export class TooManyRequestsError extends CasegraphError implements RetryAfter {
  override readonly status = 429;

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The server is full for everyone (the query queue); not the client's fault, and not a failure: retry later. */
export class ServiceBusyError extends CasegraphError implements RetryAfter {
  override readonly status = 503;

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** An answer, or a value a query builds, is larger than casegraph will hold or send. */
export class ContentTooLargeError extends CasegraphError {
  override readonly status = 413;

  /** A written answer past MAX_ANSWER_BYTES, with what the client can ask for instead. */
  static answerOver(maxBytes: number, advice: string): ContentTooLargeError {
    return new ContentTooLargeError(`the answer is larger than ${String(maxBytes)} bytes (MAX_ANSWER_BYTES): ${advice}`);
  }
}
