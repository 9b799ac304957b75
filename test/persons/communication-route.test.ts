import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notStated } from '../../src/citations/draft-communication.js';
import { evidenceHeading } from '../../src/citations/communication-to-docx.js';
import { openCaseApp, type CaseApp } from '../helpers/case-app.js';
import { readDocx, readHtml, readMarkdown, unfootnotedSentences, type ReadBack } from '../helpers/footnoted-sentences.js';

let ctx: CaseApp;
const read: Record<string, ReadBack> = {};

const sections = [
  'I. Identity',
  'II. Arrest',
  'III. Detention',
  'IV. Circumstances of the arrest and detention, and why the detention is arbitrary',
  'V. Steps taken, including domestic remedies and international procedures',
  'VI. Full name and address of the submitter, date and signature',
  'Sources cited',
  'Further sources named by the cited sources',
];
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

beforeAll(async () => {
  ctx = await openCaseApp();
  const markdown = await ctx.app.inject({ url: '/api/persons/gulmire-imin/communication.md' });
  const html = await ctx.app.inject({ url: '/api/persons/gulmire-imin/communication.html' });
  const docx = await ctx.app.inject({ url: '/api/persons/gulmire-imin/communication.docx' });
  for (const response of [markdown, html, docx]) expect(response.statusCode).toBe(200);
  read.markdown = readMarkdown(markdown.body);
  read.html = readHtml(html.body);
  read.docx = await readDocx(docx.rawPayload);
});
afterAll(async () => ctx?.app.close());

const formats = ['markdown', 'html', 'docx'] as const;

describe('the footnote check', () => {
  it('catches a sentence without a footnote, and two sentences sharing one', () => {
    expect(unfootnotedSentences('Name: Gulmire Imin.[^3] Sex: female.[^4]')).toEqual([]);
    expect(unfootnotedSentences('Name: Gulmire Imin.[^3] Sex: female.')).toEqual(['Sex: female.']);
    expect(unfootnotedSentences('Name: Gulmire Imin. Sex: female.[^4]')).toHaveLength(1);
  });
});

describe.each(formats)('the draft communication for Gulmire Imin in %s', (format) => {
  it('is laid out in the sections of the WGAD model questionnaire', () => {
    // The .docx ends with the drafter's evidence table, after the sections and sources.
    expect(read[format]!.headings.slice(1)).toEqual(format === 'docx' ? [...sections, evidenceHeading] : sections);
    // The Working Group's opinion of March 2012 in the graph makes this a follow-up.
    expect(read[format]!.headings[0]).toBe('Draft follow-up communication to the Working Group on Arbitrary Detention concerning Gulmire Imin');
  });

  it('footnotes every sentence', () => {
    const { prose } = read[format]!;
    expect(prose.length).toBeGreaterThan(20);
    for (const paragraph of prose) expect(unfootnotedSentences(paragraph), paragraph).toEqual([]);
  });

  it('gives every footnote a text naming its source, the dataset, or ibid.', () => {
    const { prose, footnotes } = read[format]!;
    const referenced = prose.flatMap((p) => [...p.matchAll(/\[\^(\d+)\]/g)].map((m) => Number(m[1])));
    expect(referenced).toEqual([...footnotes.keys()]);
    for (const text of footnotes.values())
      expect(text).toMatch(
        /^(\[UHRP prisoner profile: Gulmire Imin\]|Human Rights Council, “Methods of work of the Working Group on Arbitrary Detention”|Ibid\.|Not stated in the sources consulted|casegraph dataset, version)/,
      );
  });

  it('says which dataset version it was drawn from', () => {
    expect(read[format]!.prose[0]).toContain(`casegraph dataset, version ${ctx.store.version}.`);
  });

  it('states the facts of the case with their dates, as UN documents write them', () => {
    const text = read[format]!.prose.join('\n');
    expect(text).toContain('Date of arrest: 14 July 2009.');
    expect(text).toContain('Gulmire Imin was tried on 1 April 2010 in a closed trial.');
    expect(text).toContain('Gulmire Imin was sentenced to life imprisonment on 1 April 2010.');
    expect(text).toContain('Place of detention: Xinjiang Women’s Prison, Urumchi.');
    // In the source's order (“Charge: Splittism, leaking state secrets and organizing an illegal demonstration”), not alphabetical.
    expect(text).toContain('Charges, in the order the source lists them: Splittism; Leaking state secrets; Organizing an illegal demonstration.');
    expect(text).toContain('found China in contravention of articles 8, 9, 10 and 19 of the Universal Declaration of Human Rights.');
    expect(text).toContain('In December 2012, Human Rights Watch awarded Gulmire Imin the Hellman/Hammett prize');
  });

  it('gives the source’s account of why she was punished as the source’s, not as who sentenced her', () => {
    const text = read[format]!.prose.join('\n');
    expect(text).toContain('The source states that Gulmire Imin was punished by Chinese authorities for voicing opinions online after the July 5 unrest.');
    expect(text).toContain(`Authority that imposed the sentence: ${notStated}.`);
    expect(text).not.toMatch(/sentence was imposed by/);
  });

  it(`says "${notStated}" for the fields no source states, rather than leaving them out or guessing`, () => {
    const text = read[format]!.prose.join('\n');
    for (const field of ['Date of birth', 'Place of arrest', 'Identity of the arresting authority', 'Legal basis invoked for the arrest', 'Nationality']) {
      expect(text).toContain(`${field}: ${notStated}.`);
    }
    // The stated age is given as stated; no birth year is derived from it.
    expect(text).toContain('Age: 32, as the source states it');
    expect(text).not.toMatch(/born|19[6-9]\d/);
  });

  it('lists the two sources it cites first (the seed page, the methods of work), then the ten the seed page names, the supplied description unquoted', () => {
    const { sources } = read[format]!;
    expect(sources).toHaveLength(12);
    // The seed page states no publisher, so none is named.
    expect(sources[0]).toBe('[UHRP prisoner profile: Gulmire Imin].');
    expect(sources[1]).toBe(
      'Human Rights Council, “Methods of work of the Working Group on Arbitrary Detention”, A/HRC/33/66, July 2016. Available at https://right-docs.org/doc/a-hrc-33-66.',
    );
  });

  it('suggests the categories the provisions found violated and the closed trial bear on, as suggestions the drafter decides on', () => {
    const text = read[format]!.prose.join('\n');
    expect(text).toContain('Drafter’s note: Category II may be argued');
    expect(text).toContain(
      'Trigger: the source states that the Working Group on Arbitrary Detention found China in contravention of article 19 of the Universal Declaration of Human Rights.',
    );
    expect(text).toContain('Drafter’s note: Category III may be argued');
    expect(text).toContain('of article 10 of the Universal Declaration of Human Rights.');
    expect(text).toContain('Trigger: the source states that the trial was closed.');
    expect(text.match(/This is a suggestion, not a finding: the drafter decides whether to argue it\./g)).toHaveLength(2);
    // No fact of the graph bears on categories I, IV or V, so none is suggested.
    expect(text).not.toMatch(/Category (I|IV|V) may be argued/);
    // Each category's definition is footnoted to the methods of work.
    const definition = /Category II, in summary of the Working Group’s methods of work: [^[]*\[\^(\d+)\]/.exec(text);
    expect(read[format]!.footnotes.get(Number(definition?.[1]))).toContain('Methods of work of the Working Group on Arbitrary Detention');
  });
});

describe('the .docx communication', () => {
  it('opens as a Word document with its sections in word/document.xml and its footnotes in word/footnotes.xml', async () => {
    const docx = read.docx as Awaited<ReturnType<typeof readDocx>>;
    for (const section of sections) expect(docx.documentXml).toContain(`>${section.replace(/&/g, '&amp;')}</w:t>`);
    expect(docx.documentXml).toContain('<w:footnoteReference w:id="1"/>');
    expect(docx.footnotesXml).toContain('Imin was arrested on July 14, 2009');
    expect(docx.coreXml).not.toMatch(/dcterms:(created|modified)/);
  });

  it('downloads under the person’s name', async () => {
    const response = await ctx.app.inject({ url: '/api/persons/gulmire-imin/communication?format=docx' });
    expect(response.headers['content-type']).toBe(docxType);
    expect(response.headers['content-disposition']).toBe('attachment; filename="gulmire-imin-communication.docx"');
  });
});

describe('the communication', () => {
  it.each([
    ['text/html', 'text/html; charset=utf-8'],
    ['text/markdown', 'text/markdown; charset=utf-8'],
    [docxType, docxType],
    ['*/*', 'text/html; charset=utf-8'],
  ])('answers Accept: %s with %s', async (accept, contentType) => {
    const response = await ctx.app.inject({ url: '/api/persons/gulmire-imin/communication', headers: { accept } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(contentType);
    expect(response.headers.vary).toContain('Accept');
  });

  it('lets format= win over Accept', async () => {
    const response = await ctx.app.inject({ url: '/api/persons/gulmire-imin/communication?format=markdown', headers: { accept: 'text/html' } });
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
  });

  it('answers 406 naming the forms it has when Accept allows none', async () => {
    const response = await ctx.app.inject({ url: '/api/persons/gulmire-imin/communication', headers: { accept: 'application/pdf' } });
    expect(response.statusCode).toBe(406);
    expect(response.body).toContain('format=html|markdown|docx');
  });

  it('answers 400 naming the parameter and the allowed values for a bad format', async () => {
    const response = await ctx.app.inject({ url: '/api/persons/gulmire-imin/communication?format=pdf' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toBe('parameter "format" must be one of html, markdown, docx, csv; got "pdf"\n');
  });

  it('answers 400 for a format= that a suffix contradicts', async () => {
    const response = await ctx.app.inject({ url: '/api/persons/gulmire-imin/communication.md?format=docx' });
    expect(response.statusCode).toBe(400);
  });

  it.each(['md', 'html', 'docx'])('is the same bytes on every request (.%s): no time of writing', async (suffix) => {
    const first = await ctx.app.inject({ url: `/api/persons/gulmire-imin/communication.${suffix}` });
    await new Promise((resolve) => setTimeout(resolve, 2100)); // zip entry times have a 2-second grain
    const second = await ctx.app.inject({ url: `/api/persons/gulmire-imin/communication.${suffix}` });
    expect(Buffer.compare(first.rawPayload, second.rawPayload)).toBe(0);
  });
});
