// The key of a stored answer: everything an answer is a function of, spelled one way.

export interface CacheableRequest {
  /** The request target as sent: path and query string. */
  readonly url: string;
  readonly headers: { readonly accept?: string | undefined };
}

/**
 * Dataset version, then the path as sent, then the query parameters decoded and sorted by name (a stable
 * sort, so a repeated parameter keeps its values in order: `default-graph-uri`, `format`), then Accept, the
 * only request header any route varies on (`chooseRepresentation` reads it and sets `Vary: Accept`).
 * GET and HEAD share entries: a HEAD is the GET without its body. The path is not decoded or folded, so two
 * spellings of one path are two entries: a miss, never a wrong answer.
 */
export function responseCacheKey(version: string, request: CacheableRequest): string {
  const queryAt = request.url.indexOf('?');
  const path = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
  const params = [...new URLSearchParams(queryAt === -1 ? '' : request.url.slice(queryAt + 1))];
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  return `${version}\n${path}?${query}\n${(request.headers.accept ?? '').trim()}`;
}
