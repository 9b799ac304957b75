// Writes a draft communication as one self-contained HTML page: numbered footnote links, no script, no external asset.
import { escapeHtml as escape } from '../http/escape-html.js';
import type { Communication, Sentence } from './draft-communication.js';

function sentences(list: readonly Sentence[]): string {
  return list
    .map((s) =>
      s.footnote === null
        ? `<span class="drafter-note">${escape(s.text)}</span>`
        : `<span class="sentence">${escape(s.text)}<sup><a href="#fn-${s.footnote}" id="fnref-${s.footnote}">${s.footnote}</a></sup></span>`,
    )
    .join(' ');
}

export function communicationToHtml(doc: Communication): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(doc.title)}</title>`,
    `<meta name="casegraph-dataset-version" content="${escape(doc.datasetVersion)}">`,
    '<style>body{font-family:Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5}sup a{text-decoration:none}.footnotes{font-size:.9em}.drafter-note{font-style:italic}</style>',
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escape(doc.title)}</h1>`,
    `<p class="preamble">${sentences(doc.preamble)}</p>`,
  ];
  for (const section of doc.sections) {
    out.push(`<section${section.form ? ' class="form"' : ''}><h2>${escape(section.number)}. ${escape(section.heading)}</h2>`);
    for (const paragraph of section.paragraphs) out.push(`<p>${sentences(paragraph)}</p>`);
    out.push('</section>');
  }
  out.push(`<section class="sources"><h2>${escape(doc.sourcesHeading)}</h2>`, '<ol>');
  for (const source of doc.sources) out.push(`<li>${escape(source)}</li>`);
  out.push('</ol>', '</section>');
  if (doc.furtherSources.length > 0) {
    out.push(`<section class="further-sources"><h2>${escape(doc.furtherSourcesHeading)}</h2>`, '<ol>');
    for (const source of doc.furtherSources) out.push(`<li>${escape(source)}</li>`);
    out.push('</ol>', '</section>');
  }
  out.push('<section class="footnotes"><h2>Notes</h2>', '<ol>');
  for (const note of doc.footnotes)
    out.push(`<li id="fn-${note.number}">${escape(note.text)} <a href="#fnref-${note.number}" aria-label="back to text">↩</a></li>`);
  out.push('</ol>', '</section>', '</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}
