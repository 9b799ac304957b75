// How alike a name someone typed is to a name in the graph, from 0 to 100; only names equal up to spelling and order reach 95.
import { distance } from 'fastest-levenshtein';
import { canonicalWords, normaliseName } from './normalise-name.js';

/** The scores that mean "the same name": the matcher's `match: true` needs one of them (see match-persons.ts). */
export const nameScores = {
  /** Equal once normalised (case, diacritics, punctuation, spaces, "Family, Given"). */
  same: 100,
  /** Equal once each word is replaced by its canonical spelling (Gulmira → Gulmire, Emin → Imin). */
  variant: 98,
  /** The same words in another order ("Imin Gulmire"). */
  reordered: 95,
  /** The most any other name gets: edit similarity scaled to this ceiling, so a near-namesake never reaches `reordered`. */
  similarCeiling: 90,
} as const;

function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 0 : 1 - distance(a, b) / longest;
}

export function scoreName(typed: string, known: string): number {
  const a = normaliseName(typed);
  const b = normaliseName(known);
  if (a === '' || b === '') return 0;
  if (a === b) return nameScores.same;
  const wordsA = canonicalWords(a);
  const wordsB = canonicalWords(b);
  const canonicalA = wordsA.join(' ');
  const canonicalB = wordsB.join(' ');
  if (canonicalA === canonicalB) return nameScores.variant;
  const sortedA = [...wordsA].sort().join(' ');
  const sortedB = [...wordsB].sort().join(' ');
  if (sortedA === sortedB) return nameScores.reordered;
  const best = Math.max(similarity(canonicalA, canonicalB), similarity(sortedA, sortedB));
  // Levenshtein similarity below 1 can round up to the ceiling; keep it strictly under.
  return Math.min(nameScores.similarCeiling - 1, Math.round(nameScores.similarCeiling * best));
}
