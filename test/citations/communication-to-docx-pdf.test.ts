// The .docx draft as a drafter's word processor sees it: named styles, page numbers, and LibreOffice's PDF of it holding every section and footnote.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseApp, type CaseApp } from '../helpers/case-app.js';
import { readDocx, type DocxReadBack } from '../helpers/footnoted-sentences.js';

let ctx: CaseApp;
let file: Buffer;
let docx: DocxReadBack;

beforeAll(async () => {
  ctx = await openCaseApp();
  file = (await ctx.app.inject({ url: '/api/persons/gulmire-imin/communication.docx' })).rawPayload;
  docx = await readDocx(file);
});
afterAll(async () => ctx?.app.close());

const part = async (name: string) => (await JSZip.loadAsync(file)).file(name)?.async('string') ?? '';

describe('the .docx draft', () => {
  it('sets its body in a named style, "Body Text", and the document font Times New Roman', async () => {
    const styles = await part('word/styles.xml');
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="BodyText"[^>]*>\s*<w:name w:val="Body Text"\/>/);
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(docx.documentXml).toContain('<w:pStyle w:val="BodyText"/>');
    expect(docx.documentXml).toContain('<w:pStyle w:val="Heading1"/>');
  });

  it('numbers its pages in the footer, "Page n of m", on A4', async () => {
    const footer = await part('word/footer1.xml');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(docx.documentXml).toContain('<w:pgSz w:w="11906" w:h="16838"');
  });
});

/** LibreOffice (libreoffice-writer-nogui) and pdftotext (poppler-utils), which .ci/run installs. */
function installed(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!installed('soffice') || !installed('pdftotext'))('the .docx draft rendered to PDF by LibreOffice', () => {
  let text = '';
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'casegraph-pdf-'));
    try {
      writeFileSync(path.join(dir, 'draft.docx'), file);
      // A profile of its own, so a LibreOffice already running elsewhere is neither used nor disturbed.
      execFileSync(
        'soffice',
        ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'draft.docx')],
        {
          stdio: 'ignore',
          timeout: 120_000,
        },
      );
      execFileSync('pdftotext', [path.join(dir, 'draft.pdf'), path.join(dir, 'draft.txt')]);
      text = readFileSync(path.join(dir, 'draft.txt'), 'utf8');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  /** Text as words: line breaks, page footers and footnote numbers set apart by layout do not matter. */
  const words = (s: string) =>
    s
      .replace(/Page \d+ of \d+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();

  it('holds every heading of the questionnaire and the reference lists', () => {
    for (const heading of docx.headings) expect(words(text)).toContain(words(heading));
  });

  it('holds every footnote, and numbers its pages', () => {
    const flat = words(text);
    for (const [number, note] of docx.footnotes) {
      // A note split across two pages has the page's footer between its parts: its first words must be there.
      expect(flat, `note ${number}`).toContain(words(note).split(' ').slice(0, 6).join(' '));
    }
    expect(text).toMatch(/Page 1 of \d+/);
  });
});
