// Writes a draft communication as Markdown with footnotes (`[^1]`), the form pandoc, GitHub and most editors read.
import type { Communication, Sentence } from './draft-communication.js';

/** Backslash-escapes what Markdown would read as markup, so a literal from the graph stays text. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|!]/g, (c) => `\\${c}`);
}

function sentences(list: readonly Sentence[]): string {
  return list.map((s) => (s.footnote === null ? escape(s.text) : `${escape(s.text)}[^${s.footnote}]`)).join(' ');
}

export function communicationToMarkdown(doc: Communication): string {
  const lines: string[] = [`# ${escape(doc.title)}`, '', sentences(doc.preamble), ''];
  for (const section of doc.sections) {
    lines.push(`## ${section.number}. ${escape(section.heading)}`, '');
    for (const paragraph of section.paragraphs) lines.push(sentences(paragraph), '');
  }
  lines.push(`## ${escape(doc.sourcesHeading)}`, '');
  doc.sources.forEach((source, i) => lines.push(`${i + 1}. ${escape(source)}`));
  lines.push('');
  if (doc.furtherSources.length > 0) {
    lines.push(`## ${escape(doc.furtherSourcesHeading)}`, '');
    doc.furtherSources.forEach((source, i) => lines.push(`${i + 1}. ${escape(source)}`));
    lines.push('');
  }
  for (const note of doc.footnotes) lines.push(`[^${note.number}]: ${escape(note.text)}`);
  return `${lines.join('\n')}\n`;
}
