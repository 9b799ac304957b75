// Reads the JSON a reconciliation client sends in `queries=` or `extend=` (form field, query string or JSON body), refusing bad shapes with a one-line 400.
import { BadRequestError } from '../errors/casegraph-error.js';
import type { ConstraintValue, PersonQuery } from './match-persons.js';

/** OpenRefine sends 10 queries a batch by default; this leaves room and bounds the work of one request. */
export const maxBatch = 100;
/** Ids one extension request may ask about. */
export const maxExtendIds = 500;
const maxQueryLength = 500;

export interface ExtendRequest {
  readonly ids: readonly string[];
  readonly properties: ReadonlyArray<{ readonly id: string }>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(parameter: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    throw new BadRequestError(`${parameter}: not JSON (${(error as Error).message})`);
  }
}

function isConstraintValue(value: unknown): value is ConstraintValue {
  return (
    ['string', 'number', 'boolean'].includes(typeof value) ||
    (isObject(value) && typeof value.id === 'string' && (value.name === undefined || typeof value.name === 'string'))
  );
}

function readQuery(key: string, value: unknown): PersonQuery {
  const at = `queries.${key}`;
  if (!isObject(value)) throw new BadRequestError(`${at}: must be an object`);
  const allowed = ['query', 'type', 'limit', 'properties', 'type_strict'];
  const extra = Object.keys(value).find((k) => !allowed.includes(k));
  if (extra !== undefined) throw new BadRequestError(`${at}: unknown member ${JSON.stringify(extra)} (allowed: ${allowed.join(', ')})`);
  const { query, type, limit, properties, type_strict: typeStrict } = value;
  if (query !== undefined && typeof query !== 'string') throw new BadRequestError(`${at}.query: must be a string`);
  if (typeof query === 'string' && query.length > maxQueryLength) throw new BadRequestError(`${at}.query: longer than ${maxQueryLength} characters`);
  if (type !== undefined && typeof type !== 'string' && !(Array.isArray(type) && type.every((t) => typeof t === 'string')))
    throw new BadRequestError(`${at}.type: must be a string or an array of strings`);
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 0))
    throw new BadRequestError(`${at}.limit: must be a non-negative number`);
  if (typeStrict !== undefined && !['any', 'should', 'all'].includes(typeStrict as string))
    throw new BadRequestError(`${at}.type_strict: must be any, should or all`);
  if (properties !== undefined) {
    if (!Array.isArray(properties)) throw new BadRequestError(`${at}.properties: must be an array`);
    properties.forEach((p: unknown, i) => {
      const where = `${at}.properties[${i}]`;
      if (!isObject(p) || typeof p.pid !== 'string') throw new BadRequestError(`${where}: must be an object with a string pid`);
      const values: unknown[] = Array.isArray(p.v) ? p.v : [p.v];
      if (p.v === undefined || !values.every(isConstraintValue))
        throw new BadRequestError(`${where}.v: must be a string, number, boolean, {id, name} or an array of them`);
    });
  }
  if ((query === undefined || query.trim() === '') && (!Array.isArray(properties) || properties.length === 0))
    throw new BadRequestError(`${at}: needs a query or at least one property`);
  return value;
}

/** `{"q0": {"query": "Gulmire Imin"}, ...}`, as a JSON string or already parsed. */
export function readQueryBatch(raw: unknown): ReadonlyMap<string, PersonQuery> {
  const batch = parseJson('queries', raw);
  if (!isObject(batch)) throw new BadRequestError('queries: must be a JSON object of queries keyed by id');
  const keys = Object.keys(batch);
  if (keys.length > maxBatch) throw new BadRequestError(`queries: ${keys.length} queries in one batch, at most ${maxBatch}`);
  return new Map(keys.map((key) => [key, readQuery(key, batch[key])]));
}

/** `{"ids": [...], "properties": [{"id": "charge"}]}`, as a JSON string or already parsed. */
export function readExtendRequest(raw: unknown, knownProperties: readonly string[]): ExtendRequest {
  const request = parseJson('extend', raw);
  if (!isObject(request)) throw new BadRequestError('extend: must be a JSON object with ids and properties');
  const { ids, properties } = request;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw new BadRequestError('extend.ids: must be an array of strings');
  if (ids.length > maxExtendIds) throw new BadRequestError(`extend.ids: ${ids.length} ids, at most ${maxExtendIds}`);
  if (!Array.isArray(properties) || !properties.every((p) => isObject(p) && typeof p.id === 'string'))
    throw new BadRequestError('extend.properties: must be an array of objects with a string id');
  for (const [i, p] of (properties as Array<{ id: string }>).entries()) {
    if (!knownProperties.includes(p.id))
      throw new BadRequestError(`extend.properties[${i}].id: unknown property ${JSON.stringify(p.id)} (known: ${knownProperties.join(', ')})`);
  }
  return { ids, properties: (properties as Array<{ id: string }>).map((p) => ({ id: p.id })) };
}
