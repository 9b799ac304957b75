import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonClaims } from '../../src/citations/person-claims.js';
import { openCaseApp, type CaseApp } from '../helpers/case-app.js';

let ctx: CaseApp;
let record: PersonClaims;
beforeAll(async () => {
  ctx = await openCaseApp();
  record = (await ctx.app.inject({ url: '/api/persons/gulmire-imin/claims' })).json();
});
afterAll(async () => ctx?.app.close());

type CsvRow = Record<string, string>;
const parse = (text: string) => Papa.parse<CsvRow>(text, { header: true, skipEmptyLines: true });

describe('the claims of a person as CSV', () => {
  it('are the same by format=csv and by Accept: text/csv, and parse with a real CSV parser', async () => {
    const byFormat = await ctx.app.inject({ url: '/api/persons/gulmire-imin/claims?format=csv' });
    const byAccept = await ctx.app.inject({ url: '/api/persons/gulmire-imin/claims', headers: { accept: 'text/csv' } });
    expect(byFormat.statusCode).toBe(200);
    expect(byFormat.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(byAccept.body).toBe(byFormat.body);
    const parsed = parse(byFormat.body);
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields?.slice(0, 3)).toEqual(['claim_id', 'kind', 'field']);
  });

  it('hold every claim, source and excerpt of the JSON, one value per cell', async () => {
    const rows = parse((await ctx.app.inject({ url: '/api/persons/gulmire-imin/claims?format=csv' })).body).data;
    expect([...new Set(rows.map((r) => r.claim_id))].sort()).toEqual(record.claims.map((c) => c.id).sort());
    for (const claim of record.claims) {
      const mine = rows.filter((r) => r.claim_id === claim.id);
      expect(mine.map((r) => r.excerpt).sort(), claim.id).toEqual(claim.sources.flatMap(() => (claim.excerpts.length > 0 ? claim.excerpts : [''])).sort());
      expect(new Set(mine.map((r) => r.source_iri)), claim.id).toEqual(new Set(claim.sources.map((s) => s.iri)));
    }
    const charges = rows.filter((r) => r.kind === 'charge').map((r) => r.value_label);
    expect([...new Set(charges)].sort()).toEqual(['Leaking state secrets', 'Organizing an illegal demonstration', 'Splittism']);
    const age = rows.find((r) => r.claim_id === 'identity/statedAge');
    expect(age?.value).toBe('32');
    const arrest = rows.find((r) => r.claim_id === 'event/gulmire-imin-arrest');
    expect([arrest?.date, arrest?.date_precision]).toEqual(['2009-07-14', 'day']);
  });

  it('answer 400 for an unknown format, naming the parameter', async () => {
    const response = await ctx.app.inject({ url: '/api/persons/gulmire-imin/claims?format=xlsx' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('format');
  });
});
