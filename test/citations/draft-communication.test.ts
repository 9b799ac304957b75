import { describe, expect, it } from 'vitest';
import { formatDate, draftCommunication, notStated } from '../../src/citations/draft-communication.js';
import { citationFormats } from '../../src/citations/citation-formats.js';
import { communicationToMarkdown } from '../../src/citations/communication-to-markdown.js';
import { communicationToHtml } from '../../src/citations/communication-to-html.js';
import type { EventClaim, PersonClaims, SourceSummary } from '../../src/citations/person-claims.js';
import { readMarkdown, unfootnotedSentences } from '../helpers/footnoted-sentences.js';

// A synthetic record under http://example.test/: what the draft does with what the shipped case lacks.
const base = 'http://example.test/';
const source: SourceSummary = {
  iri: `${base}id/source/report`,
  title: 'Annual report',
  label: null,
  publisher: 'Example Watch',
  identifier: null,
  date: { value: '2020-05-03', precision: 'day' },
  url: 'http://example.test/report',
  partOf: null,
  position: null,
  supportsClaims: true,
};
const arrest: EventClaim = {
  id: 'event/p-arrest',
  kind: 'event',
  scope: 'case',
  eventType: 'Arrest',
  typeLabel: 'arrest',
  label: 'Arrest of P',
  date: null,
  place: { iri: `${base}id/place/town`, label: 'Town' },
  agents: [{ iri: `${base}id/organisation/police`, label: 'City police' }],
  subject: `${base}id/event/p-arrest`,
  sources: [source],
  excerpts: ['P was arrested in Town by the city police'],
  singleSource: true,
};
const record: PersonClaims = {
  person: { id: 'p', iri: `${base}id/person/p`, name: 'P' },
  datasetVersion: 'v1',
  claims: [arrest],
  disagreements: [],
  sources: [source],
};

describe('the draft communication of a synthetic record', () => {
  const doc = draftCommunication(record, { datasetIri: base });
  const markdown = communicationToMarkdown(doc);
  const text = readMarkdown(markdown).prose.join('\n');

  it('says "not stated in the sources" for an arrest without a date, and gives the place and forces it has', () => {
    expect(text).toContain(`Date of arrest: ${notStated}.`);
    expect(text).toContain('Place of arrest: Town.');
    expect(text).toContain('Forces who carried out the arrest: City police.');
  });

  it('says "not stated in the sources" for what the record lacks entirely: name claim, charges, place of detention, a UN finding', () => {
    for (const field of ['Name', 'Sex', 'Charges', 'Place of detention', 'Finding of a UN body that the detention is arbitrary']) {
      expect(text).toContain(`${field}: ${notStated}.`);
    }
  });

  it('still footnotes every sentence', () => {
    for (const paragraph of readMarkdown(markdown).prose) expect(unfootnotedSentences(paragraph), paragraph).toEqual([]);
  });

  it('cites a source in full the first time, with its URL and day, and in a shortened form with the excerpt later', () => {
    expect(doc.footnotes.map((n) => n.text)).toContain(
      'Not stated in the sources consulted: Example Watch, “Annual report”, 3 May 2020. Available at http://example.test/report.',
    );
    const note = doc.footnotes.find((n) => n.text.includes('P was arrested'));
    expect(note?.text).toBe('Example Watch, “Annual report”: “P was arrested in Town by the city police”.');
  });

  it('names the dataset version and escapes literals in Markdown and HTML', () => {
    const name = {
      id: 'identity/name',
      kind: 'identity',
      field: 'name',
      value: 'P *bold* [x]',
      subject: record.person.iri,
      sources: [source],
      excerpts: ['P'],
      singleSource: true,
    } as const;
    const tricky = draftCommunication({ ...record, claims: [name, arrest] }, { datasetIri: base });
    expect(communicationToMarkdown(tricky)).toContain('Name: P \\*bold\\* \\[x\\].');
    const script = draftCommunication({ ...record, claims: [{ ...name, value: '<script>alert(1)</script>' }, arrest] }, { datasetIri: base });
    const html = communicationToHtml(script);
    expect(html).not.toContain('<script>');
    expect(html).toContain('Name: &lt;script&gt;alert(1)&lt;/script&gt;.');
    expect(doc.preamble[0]?.text).toBe('This draft was drawn from the casegraph dataset, version v1.');
  });
});

describe('a synthetic record on which two sources disagree', () => {
  const other = { ...source, iri: `${base}id/source/other`, title: 'Letter', publisher: 'Other Group', url: null, date: null };
  const disputed = draftCommunication(
    {
      ...record,
      sources: [source, other],
      disagreements: [
        {
          subject: arrest.subject,
          subjectLabel: 'Arrest of P',
          property: 'http://purl.org/dc/terms/date',
          versions: [
            {
              claim: `${base}id/claim/a`,
              statement: 'P was arrested on 3 May 2019',
              value: '2019-05-03',
              valueIsIri: false,
              valueLabel: null,
              sources: [source],
              locators: [{ source: source.iri, locator: 'page 4' }],
            },
            {
              claim: `${base}id/claim/b`,
              statement: 'P was arrested on 13 May 2019',
              value: '2019-05-13',
              valueIsIri: false,
              valueLabel: null,
              sources: [other],
              locators: [],
            },
          ],
        },
      ],
    },
    { datasetIri: base },
  );
  const read = readMarkdown(communicationToMarkdown(disputed));
  const prose = read.prose.join('\n');

  it('gives each version as the account of its own sources, choosing neither', () => {
    expect(prose).toContain('According to Example Watch, P was arrested on 3 May 2019.');
    expect(prose).toContain('According to Other Group, P was arrested on 13 May 2019.');
  });

  it('footnotes each version to its sources, with the locator where one is recorded', () => {
    const first = disputed.footnotes.find((n) => n.text.includes('page 4'));
    expect(first?.text).toContain('Example Watch, “Annual report”');
    expect(first?.text).toContain('at page 4 (Example Watch)');
    expect(disputed.footnotes.some((n) => n.text.startsWith('Other Group, “Letter”'))).toBe(true);
    for (const paragraph of read.prose) expect(unfootnotedSentences(paragraph), paragraph).toEqual([]);
  });
  it('puts each version in the evidence table as a disputed claim with its own sources', () => {
    const versions = disputed.evidence.filter((row) => row.kind === 'disputed');
    expect(versions.map((row) => row.claim)).toEqual([`${base}id/claim/a`, `${base}id/claim/b`]);
    expect(versions.map((row) => row.sources.map((s) => s.publisher))).toEqual([['Example Watch'], ['Other Group']]);
    expect(versions.every((row) => row.singleSource)).toBe(true);
  });
});

describe('UN date writing', () => {
  it('writes day month year, month year, or the year, never more precise than given', () => {
    expect(formatDate({ value: '2009-07-14', precision: 'day' })).toBe('14 July 2009');
    expect(formatDate({ value: '2012-03', precision: 'month' })).toBe('March 2012');
    expect(formatDate({ value: '2010', precision: 'year' })).toBe('2010');
  });
});

describe('a source with a URL', () => {
  it('keeps it in every citation format', () => {
    for (const format of citationFormats) expect(format.render([source]), format.name).toContain('http://example.test/report');
  });
});
