// A saved query as the editor's example menu gives it: with its parameters bound as the API binds them when a request gives none.
import { bindQueryText } from '../engine/bind-query-text.js';
import { bindQueryParameters } from './bind-query-parameters.js';
import type { SavedQuery } from './saved-query.js';

/**
 * The API binds each parameter the request leaves out to its `#+ defaults:` value and leaves an optional one
 * without a default unbound; the editor's text gets the same terms written in where the variables stood, so
 * running it in the editor answers what `GET /api/queries/{name}` answers (every row, where the API pages).
 * A required parameter without a default stays a variable for the reader to replace (the API refuses a
 * request without it), and should a parameter stand where a term cannot be written (never in our catalog),
 * the text stays unbound.
 */
export function editorExampleText(query: SavedQuery, baseIri: string): string {
  const defaulted = { ...query, parameters: query.parameters.filter((p) => p.default !== undefined) };
  const bindings = bindQueryParameters(defaulted, {}, baseIri);
  return bindQueryText(query.text, bindings, baseIri) ?? query.text;
}
