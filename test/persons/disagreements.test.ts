import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonClaims } from '../../src/citations/person-claims.js';
import { openCaseApp, type CaseApp } from '../helpers/case-app.js';

// Nurmuhammet Yasin: the sources give his arrest as 29 November 2004 (UHRP, English PEN, Uyghur PEN) or
// 19 November 2004 (English PEN, Uyghur PEN, Amnesty UK), word his charge two ways (UHRP; the other three), and give
// his sentence as 10 years (those four, and the World Uyghur Congress's page reporting Dui Hua) or 15 years (that page's summary);
// data/imported/nurmuhammet-yasin.ttl (from data/imports/nurmuhammet-yasin.csv) keeps each version as a cg:Claim node.
let ctx: CaseApp;
let record: PersonClaims;
let id: (path: string) => string;
beforeAll(async () => {
  ctx = await openCaseApp();
  id = (path) => `${ctx.config.baseIri}id/${path}`;
  const response = await ctx.app.inject({ url: '/api/persons/nurmuhammet-yasin/claims' });
  expect(response.statusCode).toBe(200);
  record = response.json();
});
afterAll(async () => ctx?.app.close());

const versionsOf = (subject: string) => record.disagreements.find((d) => d.subject === subject)?.versions ?? [];

describe('a person on whom the sources disagree', () => {
  it('has every version in the claims answer, each with its own sources and locators', () => {
    const versions = versionsOf(id('event/nurmuhammet-yasin-arrest'));
    expect(versions.map((v) => v.value).sort()).toEqual(['2004-11-19', '2004-11-29']);
    const late = versions.find((v) => v.value === '2004-11-29');
    expect(late?.statement).toBe('Nurmuhammet Yasin was arrested on 29 November 2004');
    expect(late?.valueIsIri).toBe(false);
    expect(late?.sources.map((s) => s.iri).sort()).toEqual(
      ['english-pen-campaign-nurmuhemmet-yasin', 'uhrp-political-prisoners-nurmuhammet-yasin', 'uyghur-pen-author-biography']
        .map((s) => id(`source/${s}`))
        .sort(),
    );
    expect(late?.locators).toContainEqual({ source: id('source/english-pen-campaign-nurmuhemmet-yasin'), locator: 'line headed Date of arrest' });
    const early = versions.find((v) => v.value === '2004-11-19');
    expect(early?.sources.map((s) => s.iri)).toContain(id('source/amnesty-uk-current-writers-in-prison-12'));
    // The arrest's day, the sentence's length, and the charge, whose two wordings the sheet marks as versions of one
    // statement (alternative_to).
    expect(record.disagreements.map((d) => [d.subject, d.property]).sort()).toEqual(
      [
        [id('case/nurmuhammet-yasin'), `${ctx.config.baseIri}ontology#charge`],
        [id('event/nurmuhammet-yasin-arrest'), 'http://purl.org/dc/terms/date'],
        [id('event/nurmuhammet-yasin-sentencing'), 'https://schema.org/duration'],
      ].sort(),
    );
    const lengths = versionsOf(id('event/nurmuhammet-yasin-sentencing'));
    expect(lengths.map((v) => [v.value, v.sources.length]).sort()).toEqual([
      ['P10Y', 5],
      ['P15Y', 1],
    ]);
    const wuc = id('source/world-uyghur-congress-nurmuhemmet-yasin');
    expect(lengths.find((v) => v.value === 'P15Y')?.locators).toEqual([{ source: wuc, locator: 'summary line under the name' }]);
    expect(lengths.find((v) => v.value === 'P10Y')?.sources.map((s) => s.iri)).toContain(wuc);
    const charges = versionsOf(id('case/nurmuhammet-yasin'));
    expect(charges.map((v) => [v.value, v.valueIsIri, v.sources.length]).sort()).toEqual([
      [id('concept/charge/inciting-racial-hatred-or-discrimination-inciting-splittism'), true, 1],
      [id('concept/charge/inciting-separatism'), true, 3],
    ]);
  });

  it('lists every source of a version among the person’s sources, as supporting', () => {
    const listed = new Map(record.sources.map((s) => [s.iri, s.supportsClaims]));
    for (const version of record.disagreements.flatMap((d) => d.versions)) {
      for (const source of version.sources) expect(listed.get(source.iri), source.iri).toBe(true);
    }
  });

  it('gives each version and source a row of its own in the claims CSV, with the locator', async () => {
    const csv = (await ctx.app.inject({ url: '/api/persons/nurmuhammet-yasin/claims?format=csv' })).body;
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data.filter((r) => r.kind === 'disputed');
    const versions = record.disagreements.flatMap((d) => d.versions);
    expect(rows).toHaveLength(versions.reduce((n, v) => n + v.sources.length, 0));
    expect(new Set(rows.filter((r) => r.value !== '').map((r) => r.value))).toEqual(new Set(['2004-11-19', '2004-11-29', 'P10Y', 'P15Y']));
    expect(new Set(rows.filter((r) => r.value === '').map((r) => r.value_iri))).toEqual(
      new Set([id('concept/charge/inciting-racial-hatred-or-discrimination-inciting-splittism'), id('concept/charge/inciting-separatism')]),
    );
    const amnesty = rows.find((r) => r.source_iri === id('source/amnesty-uk-current-writers-in-prison-12') && r.field === 'date');
    expect(amnesty).toMatchObject({ field: 'date', value: '2004-11-19', locator: 'second paragraph', subject_iri: id('event/nurmuhammet-yasin-arrest') });
    expect(amnesty?.statement).toBe('Nurmuhammet Yasin was arrested on 19 November 2004');
  });

  it('shows both versions on the person page, each citing its sources', async () => {
    const page = (await ctx.app.inject({ url: '/id/person/nurmuhammet-yasin', headers: { accept: 'text/html' } })).body;
    const section = page.slice(page.indexOf('id="disagreements"'));
    expect(section).toContain('Where the sources disagree');
    expect(section).toMatch(/Nurmuhammet Yasin was arrested on 29 November 2004 <sup class="cite">(<a [^>]+>\[\d+\]<\/a>){3}<\/sup>/);
    expect(section).toMatch(/Nurmuhammet Yasin was arrested on 19 November 2004 <sup class="cite">(<a [^>]+>\[\d+\]<\/a>){3}<\/sup>/);
    // The charge as UHRP words it (one source) and as the other three do.
    expect(section).toMatch(/Nurmuhammet Yasin: charge Inciting separatism <sup class="cite">(<a [^>]+>\[\d+\]<\/a>){3}<\/sup>/);
    expect(section).toMatch(
      /Nurmuhammet Yasin: charge Inciting racial hatred or discrimination\/inciting splittism <sup class="cite">(<a [^>]+>\[\d+\]<\/a>){1}<\/sup>/,
    );
    expect(section).toMatch(/Nurmuhammet Yasin was sentenced to 10 years in prison <sup class="cite">(<a [^>]+>\[\d+\]<\/a>){5}<\/sup>/);
    expect(section).toMatch(/Nurmuhammet Yasin was sentenced to 15 years in prison <sup class="cite">(<a [^>]+>\[\d+\]<\/a>){1}<\/sup>/);
  });

  it('gives both versions in the draft communication as their sources’ accounts', async () => {
    const draft = (await ctx.app.inject({ url: '/api/persons/nurmuhammet-yasin/communication?format=markdown' })).body;
    expect(draft).toContain('The sources disagree on the points below');
    expect(draft).toMatch(/According to [^.]*Amnesty[^.]*, Nurmuhammet Yasin was arrested on 19 November 2004\.\[\^\d+\]/);
    expect(draft).toMatch(/According to [^.]*UHRP[^.]*, Nurmuhammet Yasin was arrested on 29 November 2004\.\[\^\d+\]/);
    // 10 years according to five sources, 15 according to one (the example of a recorded disagreement).
    expect(draft).toMatch(/According to [^.]*World Uyghur Congress[^.]*, Nurmuhammet Yasin was sentenced to 15 years in prison\.\[\^\d+\]/);
    expect(draft).toMatch(/According to [^.]*English PEN[^.]*, Nurmuhammet Yasin was sentenced to 10 years in prison\.\[\^\d+\]/);
  });
});

describe('a person on whom no sources disagree', () => {
  it('has an empty list, and no such section on the page or in the draft', async () => {
    const claims = (await ctx.app.inject({ url: '/api/persons/gulmire-imin/claims' })).json();
    expect(claims.disagreements).toEqual([]);
    const page = (await ctx.app.inject({ url: '/id/person/gulmire-imin', headers: { accept: 'text/html' } })).body;
    expect(page).not.toContain('id="disagreements"');
    const draft = (await ctx.app.inject({ url: '/api/persons/gulmire-imin/communication?format=markdown' })).body;
    expect(draft).not.toContain('The sources disagree');
  });
});
