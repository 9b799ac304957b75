// Writes a draft communication as one self-contained HTML page: numbered footnote links, no script, no external asset.
import { escapeHtml as escape } from '../http/escape-html.js';
import { submissionFields, type Communication, type Sentence } from './draft-communication.js';

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
    '<style>body{font-family:Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5}sup a{text-decoration:none}.footnotes{font-size:.9em}.drafter-note{font-style:italic}.fill-in{border-top:1px solid #999;margin-top:2em}.fill-in textarea{width:100%}@media print{.fill-in{display:none}}</style>',
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
  out.push('</ol>', '</section>', '</main>', ...fillInForm(doc), '</body>', '</html>');
  return `${out.join('\n')}\n`;
}

/**
 * A form to fill in section VI and get the draft back in any form. It posts to the same person's communication
 * (relative URLs, as this page is served at `communication` and `communication.html`); the values are sent back
 * in it so the .docx can be had with the same details. Not part of the draft: hidden when printed.
 */
function fillInForm(doc: Communication): string[] {
  const fields = submissionFields.map(([key, label]) => {
    const value = doc.submission[key];
    return `<p><label>${escape(label)}<br><textarea name="${key}" rows="2" maxlength="1000">${escape(value ?? '')}</textarea></label></p>`;
  });
  return [
    '<aside class="fill-in">',
    '<h2>Fill in section VI</h2>',
    '<p>What you enter here is used for the answer to this request only: it is not stored or logged.</p>',
    '<form method="post" action="communication.html" enctype="application/x-www-form-urlencoded">',
    ...fields,
    '<p><button type="submit">Show the draft</button> <button type="submit" formaction="communication.docx">Download .docx</button> <button type="submit" formaction="communication.md">Markdown</button></p>',
    '</form>',
    '</aside>',
  ];
}
