import { describe, expect, it } from 'vitest';
import { canonicalWords, normaliseName } from '../../src/reconciliation/normalise-name.js';
import { nameScores, scoreName } from '../../src/reconciliation/score-name.js';

describe('normalising a name', () => {
  it.each([
    ['Gülmire Imin', 'gulmire imin'],
    ['  GULMIRE   imin ', 'gulmire imin'],
    ['Imin, Gulmire', 'gulmire imin'],
    ['Ｇｕｌｍｉｒｅ\u00a0Imin', 'gulmire imin'],
    ['GULMİRE İMİN', 'gulmire imin'],
    ['Xinjiang Women’s Prison', 'xinjiang womens prison'],
    ['Imin-Gulmire.', 'imin gulmire'],
  ])('reads %j as %j', (typed, expected) => {
    expect(normaliseName(typed)).toBe(expected);
  });

  it('keeps more than one comma as punctuation, not as "Family, Given"', () => {
    expect(normaliseName('Imin, Gulmire, poet')).toBe('imin gulmire poet');
  });

  it.each([
    ['Gulmira Emin', ['gulmire', 'imin']],
    ['Nurmemet', ['nurmuhemmet']],
    ['Nurmuhammet', ['nurmuhemmet']],
    ['Ürümqi', ['urumchi']],
    ['Wulumuqi', ['urumchi']],
    ['Urumchi', ['urumchi']],
  ])('spells %j canonically', (typed, expected) => {
    expect(canonicalWords(typed)).toEqual(expected);
  });
});

describe('scoring a name', () => {
  it('gives 100 to the same name, 98 to a spelling variant and 95 to the words in another order', () => {
    expect(scoreName('gulmire  IMIN', 'Gulmire Imin')).toBe(nameScores.same);
    expect(scoreName('Gulmira Emin', 'Gulmire Imin')).toBe(nameScores.variant);
    expect(scoreName('Imin Gulmire', 'Gulmire Imin')).toBe(nameScores.reordered);
  });

  it.each([
    ['Gulnara Imin', 'Gulmire Imin'],
    ['Gulmire Iminova', 'Gulmire Imin'],
    ['Nurmuhemmet Turdi', 'Nurmuhemmet Tohti'],
    ['Gulmire Imi', 'Gulmire Imin'],
  ])('keeps the near-namesake %j below the same-name scores against %j', (a, b) => {
    const score = scoreName(a, b);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(nameScores.similarCeiling);
  });

  it('orders closer names higher', () => {
    expect(scoreName('Gulmire Imi', 'Gulmire Imin')).toBeGreaterThan(scoreName('Gulnara Imin', 'Gulmire Imin'));
  });

  it('scores an empty or punctuation-only name 0', () => {
    expect(scoreName('', 'Gulmire Imin')).toBe(0);
    expect(scoreName(' ,.; ', 'Gulmire Imin')).toBe(0);
  });
});
