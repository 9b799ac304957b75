import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { DataFactory } from 'n3';
import { buildTable, shortId, tableColumns, tableCsv, type BuiltTable } from '../../src/tables/build-table.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { findTableSpec } from '../../src/tables/table-specs.js';

const base = 'http://example.test/';
const spec = findTableSpec('persons')!;

function table(cells: Record<string, string>): BuiltTable {
  const columns = tableColumns(spec, base);
  return { spec, columns, rows: [columns.map((c) => cells[c.name] ?? '')] };
}

describe('a cell a spreadsheet would run as a formula', () => {
  it.each(['=HYPERLINK("http://evil.test")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])('is neutralised with a leading quote: %j', (value) => {
    const csv = tableCsv(table({ id: 'person/x', iri: `${base}id/person/x`, name: value }));
    const [row] = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(row?.name).toBe(`'${value}`);
  });

  it('leaves plain numbers and text alone', () => {
    const csv = tableCsv(table({ id: 'person/x', iri: `${base}id/person/x`, name: 'Gulmire, "Imin"', stated_age: '32' }));
    const [row] = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(row?.name).toBe('Gulmire, "Imin"');
    expect(row?.stated_age).toBe('32');
  });
});

describe('a short id', () => {
  it('is the path under {base}id/, else under the base, else the local name', () => {
    expect(shortId(`${base}id/person/gulmire-imin`, base)).toBe('person/gulmire-imin');
    expect(shortId(`${base}id/concept/charge/splittism`, base)).toBe('concept/charge/splittism');
    expect(shortId(`${base}ontology#Arrest`, base)).toBe('ontology#Arrest');
    expect(shortId('https://schema.org/Female', base)).toBe('Female');
  });
});

describe('the columns of a table', () => {
  it('put id and iri first, a label beside each IRI column and a precision beside each date', () => {
    expect(
      tableColumns(spec, base)
        .map((c) => c.name)
        .slice(0, 6),
    ).toEqual(['id', 'iri', 'label', 'name', 'gender', 'gender_label']);
    const events = tableColumns(findTableSpec('events')!, base).map((c) => c.name);
    expect(events[events.indexOf('date') + 1]).toBe('date_precision');
  });
});

describe('a subject with two values for a column of a one-row-per-thing table', () => {
  it('is refused naming the table and the subject, rather than repeating the row', async () => {
    const iri = DataFactory.namedNode(`${base}id/person/x`);
    const rows = [
      { iri, name: DataFactory.literal('A') },
      { iri, name: DataFactory.literal('B') },
    ];
    const store = {
      baseIri: base,
      query: () => Promise.resolve({ kind: 'bindings', variables: ['iri', 'name'], rows, truncated: false }),
    } as unknown as GraphStore;
    await expect(buildTable(store, spec)).rejects.toThrow(`the persons table gives one row per subject, but ${base}id/person/x has two values`);
  });
});
