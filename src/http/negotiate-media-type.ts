// Picks the representation an Accept header prefers (RFC 9110 q-values), the server's order breaking ties.

import { parseAccept, qualityOf } from './parse-accept.js';

export { parseAccept, qualityOf, type MediaRange } from './parse-accept.js';

/** The offer with the highest q above 0; among equals the first offer, so the server's order is its preference. */
export function negotiateMediaType<T extends { readonly mediaType: string }>(
  accept: string | undefined,
  offers: readonly T[],
): T | undefined {
  const ranges = parseAccept(accept);
  let chosen: T | undefined;
  let chosenQ = 0;
  for (const offer of offers) {
    const q = qualityOf(offer.mediaType, ranges);
    if (q > chosenQ) {
      chosen = offer;
      chosenQ = q;
    }
  }
  return chosen;
}
