// How Uyghur names and places are spelt in English-language sources: one canonical spelling per row and the variants that stand for it.

/**
 * Uyghur has no single romanisation: English-language sources write the same name from Uyghur (Latin or Arabic
 * script) or through Chinese pinyin, so one person or place turns up under several spellings. Each row is the
 * spelling the matcher compares with (already lower-case, without diacritics, as `normaliseName` leaves it) and
 * the spellings that stand for it. Diacritics need no row of their own (`Gülmire` and `Ürümqi` lose them in
 * normalisation). These rows only steer matching; they are never written to the graph, where an alternative
 * name appears only when a cited source gives it.
 */
export const nameVariants: ReadonlyArray<readonly [canonical: string, variants: readonly string[]]> = [
  // Given names: Uyghur -e / Chinese-influenced -a endings, and the Arabic-derived Muhammad family.
  ['gulmire', ['gulmira']],
  ['imin', ['emin']],
  ['nurmuhemmet', ['nurmemet', 'nurmuhammet']],
  // Places: the Uyghur name of the regional capital, its pinyin (with and without tone marks) and the Chinese reading.
  ['urumchi', ['urumqi', 'wulumuqi']],
];
