// The small HTML card OpenRefine shows in a frame when a journalist hovers over a candidate (0.2 "Preview Service").
import { escapeHtml } from '../http/escape-html.js';
import type { IndexedPerson } from './read-person-index.js';
import type { PersonPropertyValues } from './read-person-properties.js';

const shown = [
  ['alternateName', 'Also written'],
  ['charge', 'Charges'],
  ['sentence', 'Sentence'],
  ['prison', 'Held at'],
  ['arrestDate', 'Arrested'],
  ['sentencingDate', 'Sentenced'],
  ['sameAs', 'Same as'],
] as const;

export function previewPage(person: IndexedPerson, values: PersonPropertyValues, pageUrl: string): string {
  const rows = shown
    .map(([id, title]) => {
      const list = values.get(id) ?? [];
      if (list.length === 0) return '';
      const cells = list.map(({ term, label }) =>
        id === 'sameAs' ? `<a href="${escapeHtml(term.value)}" target="_blank" rel="noopener">${escapeHtml(term.value)}</a>` : escapeHtml(label ?? term.value),
      );
      return `<dt>${title}</dt><dd>${cells.join('; ')}</dd>`;
    })
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(person.name)}</title>
<style>body{font:13px/1.4 sans-serif;margin:6px}dt{font-weight:bold;float:left;clear:left;width:7em}dd{margin-left:7.5em}</style></head>
<body><h1 style="font-size:15px;margin:0 0 4px"><a href="${escapeHtml(pageUrl)}" target="_blank" rel="noopener">${escapeHtml(person.name)}</a></h1>
${person.description ? `<p style="margin:0 0 4px">${escapeHtml(person.description)}</p>` : ''}<dl style="margin:0">${rows}</dl></body></html>
`;
}
