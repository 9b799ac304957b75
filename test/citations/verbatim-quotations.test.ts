// Every quotation of the draft for Gulmire Imin is verbatim: a span of an excerpt the footnote cites, or a source's title.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftCommunication, type Communication, type Sentence } from '../../src/citations/draft-communication.js';
import { communicationToMarkdown } from '../../src/citations/communication-to-markdown.js';
import type { PersonClaims, WorkingGroupCategory } from '../../src/citations/person-claims.js';
import { citationQueries } from '../../src/persons/citation-queries.js';
import { readWorkingGroupCategories } from '../../src/persons/read-working-group-categories.js';
import { openCaseApp, type CaseApp } from '../helpers/case-app.js';

let ctx: CaseApp;
let claims: PersonClaims;
let doc: Communication;
let categories: WorkingGroupCategory[];

beforeAll(async () => {
  ctx = await openCaseApp();
  const response = await ctx.app.inject({ url: '/api/persons/gulmire-imin/claims' });
  claims = response.json();
  categories = await readWorkingGroupCategories(ctx.store, citationQueries(ctx.app.queryCatalog));
  doc = draftCommunication(claims, { datasetIri: ctx.config.baseIri, categories });
});
afterAll(async () => ctx?.app.close());

function quotations(text: string): string[] {
  return [...text.matchAll(/“([^”]*)”/g)].map((m) => m[1]!);
}

function allSentences(): Sentence[] {
  return [...doc.preamble, ...doc.sections.flatMap((s) => s.paragraphs.flat())];
}

describe('the quotation check', () => {
  it('finds each span between curly quotation marks', () => {
    expect(quotations('A “b” c “d e”.')).toEqual(['b', 'd e']);
  });
});

describe('every quotation in the draft for Gulmire Imin', () => {
  it('is the route’s own draft', async () => {
    const response = await ctx.app.inject({ url: '/api/persons/gulmire-imin/communication.md' });
    expect(response.body).toBe(communicationToMarkdown(doc));
  });

  it('in a sentence, is part of an excerpt the sentence’s footnote cites', () => {
    const known = new Set(claims.claims.flatMap((c) => c.excerpts));
    let quoted = 0;
    for (const sentence of allSentences()) {
      for (const excerpt of sentence.excerpts) expect(known, excerpt).toContain(excerpt);
      for (const quote of quotations(sentence.text)) {
        quoted += 1;
        expect(
          sentence.excerpts.some((e) => e.includes(quote)),
          `“${quote}” in: ${sentence.text}`,
        ).toBe(true);
      }
    }
    // The draft does quote: the campaign's call to action the source words as a link.
    expect(quoted).toBeGreaterThanOrEqual(1);
  });

  it('in a footnote, is an excerpt the footnoted sentence cites, or the title of a source', () => {
    // The person's sources and the Working Group's methods of work, which the category suggestions cite.
    const cited = [...claims.sources, ...categories.map((c) => c.source)];
    const titles = new Set(cited.flatMap((s) => (s.title === null ? [] : [s.title])));
    const bySentence = new Map(allSentences().map((s) => [s.footnote, s]));
    for (const note of doc.footnotes) {
      const sentence = bySentence.get(note.number);
      for (const quote of quotations(note.text)) {
        expect(titles.has(quote) || (sentence?.excerpts.includes(quote) ?? false), `“${quote}” in note ${note.number}`).toBe(true);
      }
    }
  });

  it('never puts casegraph’s own labels in quotation marks', () => {
    const text = allSentences()
      .map((s) => s.text)
      .join('\n');
    for (const label of ['July 5 unrest in Urumchi (2009)', 'Detention is arbitrary', 'UHRP campaign for the release of 8 prisoners']) {
      expect(text).not.toContain(`“${label}”`);
    }
  });

  it('speaks of one source in the singular, as every claim of this case rests on the seed page alone', () => {
    expect(new Set(claims.claims.flatMap((c) => c.sources.map((s) => s.iri))).size).toBe(1);
    const text = allSentences()
      .map((s) => s.text)
      .join('\n');
    expect(text).not.toMatch(/\b[Tt]he sources (state|set|name|list|give|do)\b/);
    expect(text).toContain('The source states that Gulmire Imin was punished by Chinese authorities');
    expect(text).toContain('Drafter’s note: the source gives no date for what the next paragraph states');
  });

  it('gives no footnote to an inference: the detention’s order after the arrest is not stated as the source’s', () => {
    const text = allSentences()
      .map((s) => s.text)
      .join('\n');
    expect(text).not.toMatch(/place the detention after/);
    // The programme's name is casegraph's label, longer than the excerpt ("Her remarks were included in a CCTV 4 program"), so unquoted.
    expect(text).toContain('The statements were included in a CCTV 4 program regarding the July 5 unrest.');
    expect(text).toContain('was invited to become an administrator for the website Salkin');
  });
});
