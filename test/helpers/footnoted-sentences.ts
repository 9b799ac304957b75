// Test helper: reads a communication (Markdown, HTML or .docx) back into headings, prose with `[^n]` markers, and footnotes.
import JSZip from 'jszip';

export interface ReadBack {
  readonly headings: readonly string[];
  /** Paragraphs of sections I to V and the preamble, footnote references written `[^n]`. */
  readonly prose: readonly string[];
  /** Lines of section VI, the submitter's part: from the request, not footnoted. */
  readonly form: readonly string[];
  /** Entries of the reference lists (sources cited, then further sources named by them). */
  readonly sources: readonly string[];
  readonly footnotes: ReadonlyMap<number, string>;
}

const sourcesHeading = /^(Sources cited|Further sources named by the cited sources)$/;

/**
 * The sentences of a paragraph that do not end in a footnote reference, or that share one with another
 * sentence. Each sentence must close with . ! or ? (after a closing quotation mark, if any) followed by its `[^n]`.
 */
export function unfootnotedSentences(paragraph: string): string[] {
  // A drafter's note is a paragraph of its own and, by design, cites nothing.
  if (paragraph.startsWith('Drafter’s note:') && !/\[\^\d+\]/.test(paragraph)) return [];
  const bad: string[] = [];
  const pieces = paragraph.split(/(?<=\[\^\d+\])\s+/);
  for (const piece of pieces) {
    const match = /^([\s\S]*?)\[\^\d+\]$/.exec(piece.trim());
    if (!match) {
      bad.push(piece);
      continue;
    }
    const body = match[1]!;
    // One sentence per footnote: no sentence end followed by a new capitalised sentence inside the body.
    if (!/[.!?]”?$/.test(body) || /[.!?]”?\s+[A-Z“]/.test(body)) bad.push(piece);
  }
  return bad;
}

export function readMarkdown(text: string): ReadBack {
  const headings: string[] = [];
  const prose: string[] = [];
  const sources: string[] = [];
  const form: string[] = [];
  const footnotes = new Map<number, string>();
  let inSources = false;
  let inForm = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\\([\\`*_{}[\]<>#|!])/g, '$1');
    if (line.trim() === '') continue;
    const note = /^\[\^(\d+)\]: (.*)$/.exec(line);
    if (note) {
      footnotes.set(Number(note[1]), note[2]!);
      continue;
    }
    const heading = /^#{1,6} (.*)$/.exec(line);
    if (heading) {
      headings.push(heading[1]!);
      inSources = sourcesHeading.test(heading[1]!);
      inForm = heading[1]!.startsWith('VI. ');
      continue;
    }
    if (inSources) sources.push(line.replace(/^\d+\. /, ''));
    else if (inForm) form.push(line);
    else prose.push(line);
  }
  return { headings, prose, form, sources, footnotes };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function readHtml(html: string): ReadBack {
  const body = html.slice(0, html.indexOf('<section class="footnotes">'));
  const headings = [...body.matchAll(/<h[12]>([\s\S]*?)<\/h[12]>/g)].map((m) => decodeEntities(m[1]!));
  const formStart = html.indexOf('<section class="form">');
  const main = html.slice(html.indexOf('<main>'), formStart >= 0 ? formStart : html.indexOf('<section class="sources">'));
  const formPart = formStart >= 0 ? html.slice(formStart, html.indexOf('<section class="sources">')) : '';
  const form = [...formPart.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => decodeEntities(m[1]!.replace(/<[^>]+>/g, '')));
  const prose = [...main.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) =>
    decodeEntities(m[1]!.replace(/<sup><a href="#fn-(\d+)"[^>]*>\d+<\/a><\/sup>/g, '[^$1]').replace(/<[^>]+>/g, '')),
  );
  const sourcesPart = html.slice(html.indexOf('<section class="sources">'), html.indexOf('<section class="footnotes">'));
  const sources = [...sourcesPart.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => decodeEntities(m[1]!));
  const footnotes = new Map(
    [...html.matchAll(/<li id="fn-(\d+)">([\s\S]*?) <a href="#fnref-\d+"/g)].map((m) => [Number(m[1]), decodeEntities(m[2]!)] as const),
  );
  return { headings, prose, form, sources, footnotes };
}

export interface DocxReadBack extends ReadBack {
  readonly documentXml: string;
  readonly footnotesXml: string;
  readonly coreXml: string;
}

/** Unzips the .docx and reads word/document.xml paragraph by paragraph, and word/footnotes.xml. */
export async function readDocx(file: Buffer): Promise<DocxReadBack> {
  const zip = await JSZip.loadAsync(file);
  const documentXml = await zip.file('word/document.xml')!.async('string');
  const footnotesXml = await zip.file('word/footnotes.xml')!.async('string');
  const coreXml = await zip.file('docProps/core.xml')!.async('string');
  const headings: string[] = [];
  const prose: string[] = [];
  const sources: string[] = [];
  const form: string[] = [];
  let inSources = false;
  let inForm = false;
  // Tables (the evidence table) are read by the tests that need them, not as prose.
  for (const [, paragraph] of documentXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '').matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)) {
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(paragraph!)?.[1];
    const text = decodeEntities(
      [...paragraph!.matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>|<w:footnoteReference w:id="(\d+)"\/>/g)]
        .map((m) => (m[2] !== undefined ? `[^${m[2]}]` : m[1]!))
        .join(''),
    );
    if (style === 'Title' || style?.startsWith('Heading')) {
      headings.push(text);
      inSources = sourcesHeading.test(text);
      inForm = text.startsWith('VI. ');
    } else if (inSources) sources.push(text.replace(/^\d+\. /, ''));
    else if (inForm) form.push(text);
    else if (text.trim()) prose.push(text);
  }
  const footnotes = new Map<number, string>();
  for (const [, id, body] of footnotesXml.matchAll(/<w:footnote w:id="(-?\d+)"[^>]*>([\s\S]*?)<\/w:footnote>/g)) {
    const text = decodeEntities([...body!.matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g)].map((m) => m[1]).join(''));
    if (Number(id) > 0) footnotes.set(Number(id), text);
  }
  return { headings, prose, form, sources, footnotes, documentXml, footnotesXml, coreXml };
}
