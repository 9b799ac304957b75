// The shipped template (data/imports/TEMPLATE.csv and .xlsx): the columns the import reads, and nothing to import but comments.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importSheet, templateColumns } from '../../src/curation/index.js';
import { projectRoot } from '../../src/config/load-config.js';

const csv = path.join(projectRoot, 'data/imports/TEMPLATE.csv');
const xlsx = path.join(projectRoot, 'data/imports/TEMPLATE.xlsx');

describe('the import template', () => {
  it('has exactly the columns the import reads, in order, as CSV', () => {
    expect(readFileSync(csv, 'utf8').split('\n')[0]?.split(',')).toEqual([...templateColumns]);
  });

  it('has the same header and rows as .xlsx', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const rows: string[][] = [];
    workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (typeof v === 'string' ? v : ''))));
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(rows[0]).toEqual([...templateColumns]);
    expect(rows.map((r) => r[0])).toEqual(lines.map((l) => (l.startsWith('#') ? expect.stringMatching(/^#/) : 'person')));
  });

  it.each([csv, xlsx])('imports as nothing at all: its example row is a comment (%s)', async (sheet) => {
    const outcome = await importSheet({
      sheet,
      root: projectRoot,
      baseIri: 'http://example.test/',
      dataDirs: ['data'],
      outDir: 'data/imported',
      dryRun: true,
      allowNew: false,
    });
    expect(outcome).toEqual({ kind: 'done', changes: [], written: false });
  });
});
