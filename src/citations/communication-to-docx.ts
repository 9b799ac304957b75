// Writes a draft communication as a Word document (.docx) with real footnotes, byte-identical for the same draft.
import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  type IRunOptions,
  PageNumber,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import JSZip from 'jszip';
import { evidenceCells } from './communication-to-evidence-csv.js';
import type { Communication, Sentence } from './draft-communication.js';

/** The heading of the evidence table the .docx ends with; the README and the tests name it. */
export const evidenceHeading = 'Evidence table (for the drafter; not part of the communication)';

/** Zip entries carry this date instead of the time of writing, so the file is a function of the draft alone. */
const fixedZipDate = new Date(Date.UTC(1980, 0, 1));

function sentences(list: readonly Sentence[]): Paragraph {
  const runs: Array<TextRun | FootnoteReferenceRun> = [];
  list.forEach((s, i) => {
    runs.push(new TextRun(i === 0 ? s.text : ` ${s.text}`));
    if (s.footnote !== null) runs.push(new FootnoteReferenceRun(s.footnote));
  });
  return new Paragraph({ style: bodyStyle, children: runs });
}

/** The body's named style, so a drafter restyles the whole text in one place; Word's own Title and Heading 1 for headings. */
const bodyStyle = 'BodyText';
/** UN documents are set in Times New Roman; sizes in half-points. */
const font = 'Times New Roman';

const styles = {
  default: {
    document: { run: { font, size: 24 } },
    title: { run: { font, size: 32, bold: true }, paragraph: { spacing: { after: 240 } } },
    heading1: { run: { font, size: 26, bold: true }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
  },
  paragraphStyles: [
    {
      id: bodyStyle,
      name: 'Body Text',
      basedOn: 'Normal',
      next: bodyStyle,
      quickFormat: true,
      run: { font, size: 24 },
      paragraph: { spacing: { after: 120 } },
    },
  ],
};

/** "Page 3 of 5", centred in the footer of every page; built per document, as docx's components are not shared. */
const pageFooter = () =>
  new Footer({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] }),
    ],
  });

/** A4 in twentieths of a point, with 2.5 cm margins. */
const a4 = { size: { width: 11906, height: 16838 }, margin: { top: 1417, bottom: 1417, left: 1417, right: 1417 } };

export async function communicationToDocx(doc: Communication): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }), sentences(doc.preamble)];
  for (const section of doc.sections) {
    children.push(new Paragraph({ text: `${section.number}. ${section.heading}`, heading: HeadingLevel.HEADING_1 }));
    for (const paragraph of section.paragraphs) children.push(sentences(paragraph));
  }
  children.push(new Paragraph({ text: doc.sourcesHeading, heading: HeadingLevel.HEADING_1 }));
  doc.sources.forEach((source, i) => children.push(new Paragraph({ style: bodyStyle, text: `${i + 1}. ${source}` })));
  if (doc.furtherSources.length > 0) {
    children.push(new Paragraph({ text: doc.furtherSourcesHeading, heading: HeadingLevel.HEADING_1 }));
    doc.furtherSources.forEach((source, i) => children.push(new Paragraph({ style: bodyStyle, text: `${i + 1}. ${source}` })));
  }
  if (doc.evidence.length > 0) children.push(new Paragraph({ text: evidenceHeading, heading: HeadingLevel.HEADING_1 }), evidenceTable(doc));

  const footnotes = Object.fromEntries(doc.footnotes.map((note) => [String(note.number), { children: [new Paragraph({ text: note.text })] }]));
  const document = new Document({
    title: doc.title,
    creator: 'casegraph',
    lastModifiedBy: 'casegraph',
    description: `Drawn from casegraph dataset version ${doc.datasetVersion}`,
    customProperties: [{ name: 'casegraph-dataset-version', value: doc.datasetVersion }],
    styles,
    footnotes,
    sections: [{ properties: { page: a4 }, footers: { default: pageFooter() }, children }],
  });
  return normalise(await Packer.toBuffer(document));
}

/** One row per claim the draft rests on: the notes citing it, its sources, its excerpts, and whether one source alone states it. */
function evidenceTable(doc: Communication): Table {
  const cell = (text: string, strong = false) => {
    const run = (line: string): IRunOptions => (strong ? { text: line, bold: true } : { text: line });
    return new TableCell({ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(run(line))] })) });
  };
  const header = new TableRow({
    tableHeader: true,
    children: ['Notes', 'Claim', 'Sources', 'Excerpts', 'One source only'].map((h) => cell(h, true)),
  });
  const rows = doc.evidence.map((row) => {
    const cells = evidenceCells(row);
    return new TableRow({
      children: [
        cell(cells.footnotes),
        cell(`${cells.claim_id}\n${cells.sentence}`),
        cell(cells.sources),
        cell(cells.excerpts),
        cell(row.singleSource ? 'yes' : 'no'),
      ],
    });
  });
  return new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } });
}

/**
 * docx stamps the time of writing into docProps/core.xml and into every zip entry. Dropping the two
 * timestamps (both optional in OPC) and fixing the entry dates makes equal drafts give equal bytes.
 */
async function normalise(file: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (!entry || entry.dir) continue;
    let content: string | Uint8Array = await entry.async('uint8array');
    if (name === 'docProps/core.xml') {
      content = new TextDecoder().decode(content).replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g, '');
    }
    out.file(name, content, { date: fixedZipDate, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
