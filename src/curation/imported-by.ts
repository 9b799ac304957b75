// Which sheet wrote a file of the import, read from its header, so a re-import replaces and removes only that sheet's files.

/** The header line that names the sheet a file was written from (its path relative to the project root). */
export function sheetLine(sheet: string): string {
  return `Sheet: ${sheet}`;
}

/** What wrote a file of the import folder: a sheet, the import before it named sheets (`legacy`), or someone else. */
export type ImportedBy = { readonly kind: 'sheet'; readonly sheet: string } | { readonly kind: 'legacy' } | { readonly kind: 'other' };

/** Reads the leading comment lines only: a statement or a later comment that happens to say the same is no header. */
export function importedBy(text: string): ImportedBy {
  const header: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    header.push(line.replace(/^#\s?/, '').replace(/\r$/, ''));
  }
  if (!header.some((line) => line.includes('written by casegraph import'))) return { kind: 'other' };
  const prefix = sheetLine('');
  const named = header.find((line) => line.startsWith(prefix));
  return named === undefined ? { kind: 'legacy' } : { kind: 'sheet', sheet: named.slice(prefix.length) };
}
