// A JSON-LD document loader that never fetches: jsonld.js would otherwise download any remote @context it meets.
import { BadRequestError } from '../errors/casegraph-error.js';

export interface RemoteDocument {
  readonly contextUrl: string | null;
  readonly documentUrl: string;
  readonly document: unknown;
}

/**
 * Answers only from the contexts handed to it (by URL); everything else is refused without touching the network,
 * so no user-named URL ever reaches a socket through JSON-LD processing.
 */
export function offlineDocumentLoader(known: Readonly<Record<string, unknown>> = {}) {
  return async (url: string): Promise<RemoteDocument> => {
    if (Object.hasOwn(known, url)) return { contextUrl: null, documentUrl: url, document: known[url] };
    throw new BadRequestError(`JSON-LD context ${url} is not loaded: casegraph never fetches remote documents`);
  };
}
