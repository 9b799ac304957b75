// Runs a saved query with bound parameters and one page of rows; the same path serves REST, CLI and tests.
import type { Term } from '@rdfjs/types';
import { BadRequestError } from '../errors/casegraph-error.js';
import type { GraphStore, QueryResult } from '../store/graph-store.js';
import { bindQueryParameters, type ParameterInput } from './bind-query-parameters.js';
import type { SavedQuery } from './saved-query.js';

/** Request parameters the API itself reads; every other name must be a parameter of the query. */
export const reservedParameters = ['page'] as const;

export interface SavedQueryAnswer {
  readonly query: SavedQuery;
  readonly bindings: Readonly<Record<string, Term>>;
  readonly result: QueryResult;
  /** 1-based; always 1 for unpaginated queries. */
  readonly page: number;
  readonly pageSize: number | undefined;
  readonly hasNextPage: boolean;
}

export interface RunOptions {
  readonly timeoutMs?: number;
  /** False gives every row (up to the store's cap) even when the query is paginated, as the CLI does. */
  readonly paginate?: boolean;
}

/**
 * Pagination asks the store for one row more than the pages so far hold, and keeps only the last page:
 * rows are ordered by the query's ORDER BY, so pages are stable for a given dataset version.
 */
export async function runSavedQuery(
  store: GraphStore,
  query: SavedQuery,
  input: ParameterInput,
  options: RunOptions = {},
): Promise<SavedQueryAnswer> {
  const { page: pageText, ...parameters } = input;
  const page = readPage(pageText, query);
  const bindings = bindQueryParameters(query, parameters, store.baseIri);
  const pageSize = options.paginate === false ? undefined : query.pageSize;
  const maxResults = pageSize === undefined ? undefined : page * pageSize + 1;
  const result = await store.query({ query: query.text, bindings, maxResults, timeoutMs: options.timeoutMs });
  if (result.kind !== 'bindings' || pageSize === undefined) {
    return { query, bindings, result, page, pageSize, hasNextPage: false };
  }
  const start = (page - 1) * pageSize;
  const hasNextPage = result.rows.length > page * pageSize || (result.truncated && result.rows.length === maxResults);
  return {
    query,
    bindings,
    result: { ...result, rows: result.rows.slice(start, start + pageSize), truncated: result.truncated && result.rows.length < (maxResults ?? 0) },
    page,
    pageSize,
    hasNextPage,
  };
}

/** `page` as text (the CLI), or as the number the route schema has already read it into. */
function readPage(value: string | number | readonly string[] | undefined, query: SavedQuery): number {
  if (value === undefined) return 1;
  // Only where no schema declares `page` (a query without pagination) can it still arrive repeated.
  if (Array.isArray(value)) throw new BadRequestError('parameter "page" is given more than once');
  if (!/^[1-9]\d{0,5}$/.test(String(value))) throw new BadRequestError(`parameter "page" must be a whole number from 1; got ${JSON.stringify(value)}`);
  const page = Number(value);
  if (query.pageSize === undefined && page !== 1) throw new BadRequestError(`query ${query.name} is not paginated; "page" can only be 1`);
  return page;
}
