import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import core from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { citationFormatNames } from '../../src/citations/citation-formats.js';
import { openCaseApp, type CaseApp } from '../helpers/case-app.js';

const { Cite } = core;
let ctx: CaseApp;

beforeAll(async () => {
  ctx = await openCaseApp();
});
afterAll(async () => ctx?.app.close());

async function cite(format?: string) {
  const query = format === undefined ? '' : `?format=${encodeURIComponent(format)}`;
  return ctx.app.inject({ url: `/api/persons/gulmire-imin/citations${query}` });
}

type Item = Record<string, unknown> & { id: string; title?: string; issued?: { 'date-parts': number[][] } };
let csl: Item[];

describe('the citations of Gulmire Imin as CSL-JSON', () => {
  beforeAll(async () => {
    const response = await cite('csl-json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.citationstyles.csl+json; charset=utf-8');
    csl = JSON.parse(response.body);
  });

  it('is the default format', async () => {
    const response = await cite();
    expect(response.headers['content-type']).toBe('application/vnd.citationstyles.csl+json; charset=utf-8');
    expect(JSON.parse(response.body)).toEqual(csl);
  });

  it('holds every source of her record, the seed page among them', () => {
    expect(csl).toHaveLength(11);
    expect(csl.map((i) => i.id)).toContain('uhrp-prisoner-profile-gulmire-imin');
    expect(csl.find((i) => i.id === 'rfa-2010-uyghur-web-moderators-get-life')).toMatchObject({
      title: 'Uyghur Web Moderators Get Life',
      publisher: 'Radio Free Asia',
      issued: { 'date-parts': [[2010]] },
    });
  });

  it('round-trips through Citation.js unchanged', () => {
    const again = new Cite(csl).format('data', { format: 'object' }) as unknown as Item[];
    expect(again).toEqual(csl);
  });

  it('invents nothing: no author, no URL, and a date only where the source gives one, as precise as given', () => {
    for (const item of csl) {
      expect(item).not.toHaveProperty('author');
      expect(item).not.toHaveProperty('URL');
    }
    const seed = csl.find((i) => i.id === 'uhrp-prisoner-profile-gulmire-imin');
    expect(seed).not.toHaveProperty('issued');
    expect(seed?.title).toBe('[UHRP prisoner profile: Gulmire Imin]');
    expect(csl.find((i) => i.id === 'ars-technica-2014-08-12-activists-pose-easy-target')?.issued).toEqual({ 'date-parts': [[2014, 8, 12]] });
  });
});

describe('the citations of Gulmire Imin as BibTeX', () => {
  it('parse back through Citation.js to the same titles, publishers and years', async () => {
    const response = await cite('bibtex');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-bibtex; charset=utf-8');
    const parsed = new Cite(response.body).data;
    expect(parsed).toHaveLength(11);
    const byKey = new Map(parsed.map((i) => [i['citation-key'] as string, i]));
    expect(byKey.get('rfa_2010_uyghur_web_moderators_get_life')).toMatchObject({
      title: 'Uyghur Web Moderators Get Life',
      publisher: 'Radio Free Asia',
      issued: { 'date-parts': [[2010]] },
    });
    // The held copy of the seed page names neither its publisher nor its date, so neither is cited.
    expect(byKey.get('uhrp_prisoner_profile_gulmire_imin')).toMatchObject({ title: '[UHRP prisoner profile: Gulmire Imin]' });
    expect(byKey.get('uhrp_prisoner_profile_gulmire_imin')).not.toHaveProperty('issued');
    expect(byKey.get('uhrp_prisoner_profile_gulmire_imin')).not.toHaveProperty('publisher');
  });
});

describe('the citations of Gulmire Imin as RIS', () => {
  it('parse back through Citation.js to the same titles, publishers and dates', async () => {
    const response = await cite('ris');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-research-info-systems; charset=utf-8');
    const parsed = new Cite(response.body).data;
    expect(parsed).toHaveLength(11);
    const titles = parsed.map((i) => i.title).sort();
    expect(titles).toEqual(csl.map((i) => i.title).sort());
    const ars = parsed.find((i) => i.title === 'New study: Activists pose easy target for nation-state attackers');
    expect(ars).toMatchObject({ publisher: 'Ars Technica', issued: { 'date-parts': [[2014, 8, 12]] } });
    expect(new Set(parsed.map((i) => i.id)).size).toBe(11);
  });
});

describe('the citations of Gulmire Imin as formatted text', () => {
  it('read as an APA reference list in plain text', async () => {
    const response = await cite('apa');
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body).toContain('Uyghur Web Moderators Get Life. (2010). Radio Free Asia.');
    expect(response.body.trim().split('\n')).toHaveLength(11);
  });

  it('read as UN footnotes: body first, a title in quotation marks, a supplied description not, day month year, no placeholder', async () => {
    const response = await cite('un-footnote');
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body).toContain('Ars Technica, “New study: Activists pose easy target for nation-state attackers”, 12 August 2014.');
    expect(response.body.split('\n')).toContain('[UHRP prisoner profile: Gulmire Imin].');
    // A part is not followed by the work it is part of when its title already names that work.
    expect(response.body).toContain('“The July 5 Riot from Start Part 1”.');
    expect(response.body).not.toContain('n.d.');
  });

  it.each(['apa-html', 'un-footnote-html'])('come as an HTML page in %s', async (format) => {
    const response = await cite(format);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toMatch(/^<!DOCTYPE html>/);
    expect(response.body.match(/class="csl-entry"/g)).toHaveLength(11);
  });
});

describe('a bad citation format', () => {
  it('answers 400 naming the parameter and the allowed values', async () => {
    const response = await cite('endnote');
    expect(response.statusCode).toBe(400);
    expect(response.body).toBe(`parameter "format" must be one of ${citationFormatNames.join(', ')}; got "endnote"\n`);
  });

  it('answers 400 when the format is given twice', async () => {
    const response = await ctx.app.inject({ url: '/api/persons/gulmire-imin/citations?format=ris&format=bibtex' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/^parameter "format" is given more than once: give one of csl-json, .*ris.*\n$/);
  });
});
