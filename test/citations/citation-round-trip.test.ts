// Each citation format read back by a parser that is not Citation.js, and compared with the CSL-JSON field by field.
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCitationFormat } from '../../src/citations/citation-formats.js';
import type { SourceSummary } from '../../src/citations/person-claims.js';
import { openCaseApp, type CaseApp } from '../helpers/case-app.js';

interface Csl {
  readonly id: string;
  readonly 'citation-key': string;
  readonly type: string;
  readonly title?: string;
  readonly publisher?: string;
  readonly 'container-title'?: string;
  readonly number?: string;
  readonly issued?: { readonly 'date-parts': number[][] };
  readonly URL?: string;
  readonly note?: string;
}

const base = 'http://example.test/id/source/';
const blank = { title: null, label: null, publisher: null, identifier: null, date: null, url: null, partOf: null, position: null, supportsClaims: true };
/** Every shape a source of the graph can take, with the characters LaTeX and RIS read specially. */
const synthetic: SourceSummary[] = [
  {
    ...blank,
    iri: `${base}day`,
    title: 'Costs & 100% of {braces}: a_b #1 ~ ^',
    publisher: 'Amnesty International and PEN',
    date: { value: '2014-08-12', precision: 'day' },
    url: 'http://example.test/a_b%20c?x=1&y=2#top',
  },
  { ...blank, iri: `${base}month`, title: 'Month only', publisher: 'Example Watch', date: { value: '2012-03', precision: 'month' } },
  { ...blank, iri: `${base}year`, title: 'Year only', date: { value: '2010', precision: 'year' } },
  { ...blank, iri: `${base}part-2`, title: 'A programme Part 2', partOf: 'A programme', position: 2 },
  { ...blank, iri: `${base}described`, label: 'Campaign page on P' },
  {
    ...blank,
    iri: `${base}symbol`,
    title: 'Report of a body',
    publisher: 'Example Council',
    identifier: 'A/EX/1/2_3',
    date: { value: '2016-07', precision: 'month' },
  },
];

function render(format: string, sources: readonly SourceSummary[]): string {
  const found = findCitationFormat(format);
  if (!found) throw new Error(`no format ${format}`);
  return found.render(sources);
}

const cslOf = (sources: readonly SourceSummary[]): Csl[] => JSON.parse(render('csl-json', sources)) as Csl[];

function isoDate(csl: Csl): string | undefined {
  const parts = csl.issued?.['date-parts'][0];
  return parts?.map((p, i) => String(p).padStart(i === 0 ? 4 : 2, '0')).join('-');
}

/** The biblatex fields a CSL item should become, as a parser reads them back. */
function expectedBiblatex(csl: Csl): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (csl.title !== undefined) fields.title = csl.title;
  if (csl.number !== undefined) fields.titleaddon = csl.number;
  if (csl['container-title'] !== undefined) fields.howpublished = csl['container-title'];
  if (csl.publisher !== undefined) fields.organization = [csl.publisher];
  const date = isoDate(csl);
  if (date !== undefined) fields.date = date;
  if (csl.URL !== undefined) fields.url = csl.URL;
  if (csl.note !== undefined) fields.note = csl.note;
  return fields;
}

/** RIS read by its specification alone: `XX  - value` lines, one record from TY to ER. */
function readRis(text: string): Array<Record<string, string[]>> {
  const records: Array<Record<string, string[]>> = [];
  let current: Record<string, string[]> | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const match = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/.exec(line);
    if (!match) throw new Error(`not a RIS line: ${JSON.stringify(line)}`);
    const [, tag, value] = match as unknown as [string, string, string];
    if (tag === 'TY') current = {};
    if (!current) throw new Error(`${tag} before TY`);
    if (tag === 'ER') {
      records.push(current);
      current = undefined;
    } else (current[tag] ??= []).push(value);
  }
  return records;
}

function expectedRis(csl: Csl): Record<string, string[]> {
  const fields: Record<string, string[]> = { TY: ['GEN'] };
  if (csl.title !== undefined) fields.TI = [csl.title];
  if (csl['container-title'] !== undefined) fields.T2 = [csl['container-title']];
  if (csl.publisher !== undefined) fields.PB = [csl.publisher];
  if (csl.number !== undefined) fields.M1 = [csl.number];
  const parts = csl.issued?.['date-parts'][0];
  if (parts) {
    const [year, month, day] = parts;
    fields.DA = [`${year}/${month === undefined ? '' : String(month).padStart(2, '0')}/${day === undefined ? '' : String(day).padStart(2, '0')}/`];
    fields.PY = [String(year)];
  }
  if (csl.URL !== undefined) fields.UR = [csl.URL];
  if (csl.note !== undefined) fields.N1 = [csl.note];
  return fields;
}

let ctx: CaseApp;
let gulmire: SourceSummary[];

beforeAll(async () => {
  ctx = await openCaseApp();
  gulmire = (await ctx.app.inject({ url: '/api/persons/gulmire-imin/claims' })).json<{ sources: SourceSummary[] }>().sources;
});
afterAll(async () => ctx?.app.close());

describe.each([
  ['synthetic sources of every shape', () => synthetic],
  ['the sources of Gulmire Imin', () => gulmire],
])('%s', (_name, sources) => {
  it('come back from biblatex, through an independent parser, with every CSL-JSON field and no other', () => {
    const csl = cslOf(sources());
    const bib = parseBibtex(render('bibtex', sources()));
    expect(bib.errors).toEqual([]);
    expect(bib.entries.map((e) => e.key)).toEqual(csl.map((c) => c['citation-key']));
    bib.entries.forEach((entry, i) => {
      expect(entry.type, entry.key).toBe('misc');
      expect(entry.fields, entry.key).toEqual(expectedBiblatex(csl[i]!));
    });
  });

  it('come back from RIS, read by the specification, with zero-padded dates and every CSL-JSON field', () => {
    const csl = cslOf(sources());
    const records = readRis(render('ris', sources()));
    expect(records).toHaveLength(csl.length);
    records.forEach((record, i) => {
      const { ID, ...rest } = record;
      expect(ID, csl[i]!.id).toHaveLength(1);
      expect(rest, csl[i]!.id).toEqual(expectedRis(csl[i]!));
    });
  });
});

describe('the biblatex written', () => {
  it('uses only @misc fields biblatex defines: no publisher, booktitle, month or day', () => {
    const bib = render('bibtex', [...synthetic, ...gulmire]);
    expect(bib).not.toMatch(/^\s*(publisher|booktitle|month|day|year|journal) =/m);
    expect(bib).toContain('date = {2014-08-12}');
    expect(bib).toContain('date = {2012-03}');
  });
});

describe('the APA reference list', () => {
  it('gives a source’s date as precisely as the source does', () => {
    const apa = render('apa', synthetic);
    expect(apa).toContain('Costs & 100% of {braces}: a_b #1 ~ ^. (2014, August 12). Amnesty International and PEN.');
    expect(apa).toContain('Month only. (2012, March). Example Watch.');
    expect(apa).toContain('Year only. (2010).');
    expect(apa).toContain('[Campaign page on P]. (n.d.).');
  });

  it('gives Ars Technica’s article its day, as the seed page dates it', () => {
    expect(render('apa', gulmire)).toContain('New study: Activists pose easy target for nation-state attackers. (2014, August 12). Ars Technica.');
  });
});
