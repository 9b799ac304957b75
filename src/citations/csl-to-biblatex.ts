// Writes CSL-JSON items as biblatex entries: @misc with only fields biblatex's data model allows there.
import type { CslItem } from '@citation-js/core';

/**
 * biblatex rather than classic BibTeX: `date` takes the source's date at its own precision (`2014-08-12`,
 * `2014-08`, `2014`), where BibTeX's `month` and `day` need a style that reads them. Every source is `@misc`,
 * as the graph does not say whether it is an article, a page or a broadcast, and only @misc's own fields are
 * used: the publisher as `organization` (@misc has no `publisher`), a document symbol as `titleaddon`, the work a source is part of as
 * `howpublished` (@misc has no `booktitle`), then `date`, `url` and `note`. In a title each word with a capital
 * is wrapped in braces, so a style or reader that sentence-cases titles keeps the source's capitals (a title
 * wrapped whole in double braces is taken by some readers for noise and sentence-cased anyway).
 */
export function cslToBiblatex(items: readonly CslItem[]): string {
  return items.map(entry).join('\n');
}

function entry(item: CslItem): string {
  const fields: Array<[string, string]> = [];
  const text = (name: string, value: unknown) => {
    if (typeof value === 'string' && value !== '') fields.push([name, escapeLatex(value)]);
  };
  if (typeof item.title === 'string') fields.push(['title', protectCapitals(escapeLatex(item.title))]);
  // @misc has no `number`: a document symbol (A/HRC/33/66) is an addition to the title, printed after it.
  text('titleaddon', item.number);
  text('howpublished', item['container-title']);
  // A list field in biblatex: braces keep a name with "and" in it one organisation.
  if (typeof item.publisher === 'string' && item.publisher !== '') fields.push(['organization', `{${escapeLatex(item.publisher)}}`]);
  const date = isoDate(item);
  if (date) fields.push(['date', date]);
  if (typeof item.URL === 'string' && item.URL !== '') fields.push(['url', verbatimUrl(item.URL)]);
  text('note', item.note);
  const key = typeof item['citation-key'] === 'string' ? item['citation-key'] : item.id;
  return `@misc{${key},\n${fields.map(([name, value]) => `  ${name} = {${value}},\n`).join('')}}\n`;
}

/** `2014-08-12`, `2014-08` or `2014`, as precise as the item's date-parts. */
function isoDate(item: CslItem): string | undefined {
  const parts = (item.issued as { readonly 'date-parts'?: ReadonlyArray<readonly unknown[]> } | undefined)?.['date-parts']?.[0];
  if (!parts || parts.length === 0) return undefined;
  const [year, month, day] = parts.map(Number);
  if (year === undefined || Number.isNaN(year)) return undefined;
  return [String(year).padStart(4, '0'), month, day]
    .filter((p) => p !== undefined && !Number.isNaN(p))
    .map((p, i) => (i === 0 ? p : String(p).padStart(2, '0')))
    .join('-');
}

const latexSpecials: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** Characters LaTeX reads as commands; everything else stays Unicode, which biber reads as UTF-8. */
function escapeLatex(text: string): string {
  return text.replace(/[\\{}$&%#_^~]/g, (c) => latexSpecials[c] ?? c);
}

function protectCapitals(title: string): string {
  return title.replace(/\S*\p{Lu}\S*/gu, (word) => `{${word}}`);
}

/** biblatex reads `url` verbatim; only braces, which would end the field, are percent-encoded. */
function verbatimUrl(url: string): string {
  return url.replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}
