// Names as people write them, brought to one form: Unicode NFKC, no case, no diacritics or punctuation, single spaces, given name first.
import { nameVariants } from './name-variants.js';

const canonicalOf = new Map<string, string>(nameVariants.flatMap(([canonical, variants]) => [canonical, ...variants].map((v) => [v, canonical] as const)));

/**
 * `"IMIN,  Gülmire"` → `"gulmire imin"`. One comma with text on both sides is the "Family, Given" order of
 * library catalogues and spreadsheets, turned round; apostrophes vanish (`Women’s` → `womens`), other
 * punctuation separates words. Dotless ı (Turkish-style romanisation) reads as i.
 */
export function normaliseName(text: string): string {
  let name = text.normalize('NFKC');
  const parts = name.split(',');
  if (parts.length === 2 && parts[0]?.trim() && parts[1]?.trim()) name = `${parts[1]} ${parts[0]}`;
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/['’ʼ`‘]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a normalised name, each replaced by its canonical spelling where `nameVariants` knows one. */
export function canonicalWords(text: string): string[] {
  const name = normaliseName(text);
  return name === '' ? [] : name.split(' ').map((word) => canonicalOf.get(word) ?? word);
}
