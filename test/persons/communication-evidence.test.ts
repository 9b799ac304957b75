// The draft's evidence table: as CSV and at the end of the .docx, every claim the draft rests on with its sources and excerpts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communicationToEvidenceCsv, evidenceColumns } from '../../src/citations/communication-to-evidence-csv.js';
import { evidenceHeading } from '../../src/citations/communication-to-docx.js';
import { draftCommunication, type Communication } from '../../src/citations/draft-communication.js';
import type { PersonClaims } from '../../src/citations/person-claims.js';
import { citationQueries } from '../../src/persons/citation-queries.js';
import { readWorkingGroupCategories } from '../../src/persons/read-working-group-categories.js';
import { openCaseApp, seedSource, type CaseApp } from '../helpers/case-app.js';
import { readDocx } from '../helpers/footnoted-sentences.js';
import { readCsv } from '../helpers/read-csv.js';

let ctx: CaseApp;
let claims: PersonClaims;
let doc: Communication;

beforeAll(async () => {
  ctx = await openCaseApp();
  claims = (await ctx.app.inject({ url: '/api/persons/gulmire-imin/claims' })).json<PersonClaims>();
  const categories = await readWorkingGroupCategories(ctx.store, citationQueries(ctx.app.queryCatalog));
  doc = draftCommunication(claims, { datasetIri: ctx.config.baseIri, categories });
});
afterAll(async () => ctx?.app.close());

describe('the evidence table of the Gulmire Imin draft as CSV', () => {
  let rows: Array<Record<string, string>>;
  beforeAll(async () => {
    const response = await ctx.app.inject({ url: '/api/persons/gulmire-imin/communication.csv' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers['content-disposition']).toBe('attachment; filename="gulmire-imin-communication.csv"');
    expect(response.body).toBe(communicationToEvidenceCsv(doc));
    const [header, ...body] = readCsv(response.body);
    expect(header).toEqual([...evidenceColumns]);
    rows = body.map((cells) => Object.fromEntries(evidenceColumns.map((c, i) => [c, cells[i] ?? ''])));
  });

  it('has a row for every claim a sentence of the draft rests on, and no other', () => {
    const cited = new Set([...doc.preamble, ...doc.sections.flatMap((s) => s.paragraphs.flat())].filter((s) => s.excerpts.length > 0).map((s) => s.footnote));
    const inTable = new Set(rows.flatMap((r) => r.footnotes!.split(' ').map(Number)));
    expect(inTable).toEqual(cited);
    expect(new Set(rows.map((r) => r.claim_id)).size).toBe(rows.length);
  });

  it('gives each claim its sources and excerpts as the claims API does, and marks the single-source ones', () => {
    for (const row of rows) {
      const claim = claims.claims.find((c) => c.id === row.claim_id);
      expect(claim, row.claim_id).toBeDefined();
      expect(row.excerpts!.split('\n'), row.claim_id).toEqual(claim!.excerpts);
      expect(row.source_iris!.split('\n')).toEqual(claim!.sources.map((s) => s.iri));
      expect(row.single_source).toBe(String(claim!.singleSource));
    }
    // Every claim of this case rests on the seed page alone.
    expect(rows.every((r) => r.single_source === 'true' && r.source_iris === seedSource(ctx.config.baseIri))).toBe(true);
    expect(rows.find((r) => r.claim_id === 'identity/name')?.sentence).toBe('Name: Gulmire Imin.');
  });
});

describe('the .docx of the Gulmire Imin draft', () => {
  it('ends with the evidence table: a header row and a row per claim', async () => {
    const docx = await readDocx((await ctx.app.inject({ url: '/api/persons/gulmire-imin/communication.docx' })).rawPayload);
    expect(docx.headings.at(-1)).toBe(evidenceHeading);
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(docx.documentXml)?.[0] ?? '';
    expect(table.match(/<w:tr>/g)).toHaveLength(doc.evidence.length + 1);
    expect(table).toContain('Imin was arrested on July 14, 2009');
  });
});
