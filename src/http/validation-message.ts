// Turns Fastify's schema validation error into casegraph's one-line 400 naming the parameter and what is wrong with it.
import type { FastifyError, FastifyRequest } from 'fastify';

interface AjvError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly message?: string;
  readonly params: Readonly<Record<string, unknown>>;
}

interface PropertySchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  /** Names the kind of value (integer, date, iri), as the saved queries' BASIL types do; the message says "must be an integer". */
  readonly title?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
}

export type ValidationError = FastifyError & { validation: readonly AjvError[]; validationContext?: string };

export function isValidationError(error: unknown): error is ValidationError {
  return Array.isArray((error as { validation?: unknown } | undefined)?.validation);
}

/**
 * The first failure (Fastify's Ajv stops at the first), phrased from the route's own schema and the value as the
 * client sent it: the querystring is read again from the URL, because Ajv's type coercion has already changed it.
 */
export function validationMessage(error: ValidationError, request: FastifyRequest): string {
  const failure = error.validation[0];
  if (!failure) return error.message;
  const context = error.validationContext ?? 'querystring';
  const name = failure.keyword === 'required' ? String(failure.params.missingProperty) : decodePointer(failure.instancePath.split('/')[1] ?? '');
  const partSchema = (request.routeOptions.schema as Record<string, { properties?: Record<string, PropertySchema> }> | undefined)?.[context];
  const schema: PropertySchema = partSchema?.properties?.[name] ?? {};
  const subject = `parameter "${name}"`;
  if (failure.keyword === 'required') return `${subject} is required${schema.title ? ` (${schema.title})` : ''}`;

  const given = givenValues(request, context, name);
  const takesMany = schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'));
  // Fastify reads a repeated query key into an array: for a one-value parameter that is its own mistake.
  if (given.length > 1 && !takesMany) {
    return `${subject} is given more than once${schema.enum ? `: give one of ${schema.enum.join(', ')}` : ''}`;
  }
  const got = `; got ${JSON.stringify(given[0] ?? null)}`;
  if (failure.keyword === 'enum' && schema.enum) return `${subject} must be one of ${schema.enum.join(', ')}${got}`;
  if (schema.type === 'integer' || schema.type === 'number') {
    const what = schema.type === 'integer' ? 'a whole number' : 'a number';
    const from = schema.minimum !== undefined ? ` from ${schema.minimum}` : schema.exclusiveMinimum !== undefined ? ` above ${schema.exclusiveMinimum}` : '';
    const to = schema.maximum !== undefined ? ` to ${schema.maximum}` : '';
    return `${subject} must be ${what}${from}${to}${got}`;
  }
  if (schema.title) return `${subject} must be ${/^[aeiou]/i.test(schema.title) ? 'an' : 'a'} ${schema.title}${got}`;
  return `${subject} ${failure.message ?? 'is not valid'}${got}`;
}

/** The values of one parameter as sent: all of a repeated query key, the path segment, or the body's member. */
function givenValues(request: FastifyRequest, context: string, name: string): unknown[] {
  if (context === 'querystring') {
    const url = request.raw.url ?? request.url;
    const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
    return new URLSearchParams(query).getAll(name);
  }
  const part = (context === 'params' ? request.params : context === 'headers' ? request.headers : request.body) as Record<string, unknown> | undefined;
  const value = part?.[name];
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** JSON Pointer segments escape `~` and `/`. */
function decodePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
