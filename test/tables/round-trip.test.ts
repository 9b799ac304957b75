import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import Papa from 'papaparse';
import { DataFactory, Store } from 'n3';
import CsvwParser from 'rdf-parser-csvw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseApp, type CaseApp } from '../helpers/case-app.js';
import { offlineDocumentLoader } from '../../src/formats/offline-document-loader.js';
import { tableColumns } from '../../src/tables/build-table.js';
import { tableSpecs, type TableSpec } from '../../src/tables/table-specs.js';
import { csvw, dct, rdf, xsd } from '../../src/vocabulary/namespaces.js';

// The W3C CSVW JSON-LD context, as the converter's own package ships it: the metadata's @context, read offline.
const require = createRequire(import.meta.url);
const csvwContextDocument: unknown = JSON.parse(readFileSync(require.resolve('rdf-parser-csvw/test/support/csvw.json'), 'utf8'));

let s: CaseApp;
beforeAll(async () => {
  s = await openCaseApp();
});
afterAll(async () => s?.app.close());

const key = (q: Pick<Quad, 'subject' | 'predicate' | 'object'>): string =>
  `${q.subject.value} ${q.predicate.value} ${q.object.termType === 'Literal' ? JSON.stringify(q.object.value) + (q.object.language ? `@${q.object.language}` : `^^${q.object.datatype.value}`) : `<${q.object.value}>`}`;

/** What a CSVW converter (rdf-parser-csvw, "standard mode") makes of a table and its metadata, without its csvw:Row bookkeeping. */
async function convert(name: string): Promise<Quad[]> {
  const metadataText = (await s.app.inject({ url: `/api/tables/${name}.csv-metadata.json` })).body;
  const folder = `${s.config.baseIri}api/tables/`;
  const toRdf = jsonld.toRDF as unknown as (input: unknown, options: object) => Promise<Quad[]>;
  const metadataQuads = await toRdf(JSON.parse(metadataText), {
    base: `${folder}${name}.csv-metadata.json`,
    documentLoader: offlineDocumentLoader({ 'http://www.w3.org/ns/csvw': csvwContextDocument }),
  });
  // The converter reads its metadata as RDF, made here by a JSON-LD processor. CSVW processors read URI templates
  // ({+iri}) as strings, but the CSVW context types aboutUrl and valueUrl as @id, so JSON-LD resolves them against
  // the document: put them back as written.
  const templates = new Set([csvw('aboutUrl'), csvw('valueUrl')]);
  const asWritten = (q: Quad) =>
    templates.has(q.predicate.value) && q.object.value.startsWith(`${folder}{`) ? DataFactory.namedNode(q.object.value.slice(folder.length)) : q.object;
  const metadata = new Store(metadataQuads.map((q) => DataFactory.quad(q.subject, q.predicate, asWritten(q))));
  const csv = (await s.app.inject({ url: `/api/tables/${name}.csv` })).body;
  const parser = new CsvwParser({ metadata, baseIRI: `${s.config.baseIri}api/tables/${name}.csv`, factory: DataFactory, timezone: 'UTC' });
  const quads: Quad[] = [];
  for await (const quad of parser.import(Readable.from([csv])) as AsyncIterable<Quad>) quads.push(quad);
  return quads.filter((q) => q.subject.termType === 'NamedNode' && !q.predicate.value.startsWith(csvw.iri));
}

/** The graph's triples the table covers: for each row subject, every value of every property a column states. */
async function covered(spec: TableSpec, subjects: ReadonlySet<string>): Promise<Set<string>> {
  const expected = new Set<string>();
  for (const column of tableColumns(spec, s.config.baseIri)) {
    // The events table gives the most specific event type; the graph also holds the types its closure derives.
    if (column.suppressOutput || column.propertyUrl === undefined || column.propertyUrl === rdf('type')) continue;
    for (const subject of subjects) {
      for (const q of await s.store.match({ subject: DataFactory.namedNode(subject), predicate: DataFactory.namedNode(column.propertyUrl) }))
        expected.add(key(q));
    }
  }
  return expected;
}

describe('a table and its CSVW metadata, through a CSVW converter', () => {
  it.each(tableSpecs.map((t) => t.name))('%s gives back triples the graph states', async (name) => {
    const produced = await convert(name);
    const graph = new Set((await s.store.match({})).map(key));
    const missing = produced.map(key).filter((k) => !graph.has(k));
    expect(missing).toEqual([]);
    // Not vacuous: every table but the genders (whose labels the graph does not hold) states something.
    if (name !== 'genders') expect(produced.length).toBeGreaterThan(0);
  });

  it.each(tableSpecs.map((t) => t.name))('%s gives back every statement its columns stand for', async (name) => {
    const spec = tableSpecs.find((t) => t.name === name)!;
    const produced = await convert(name);
    const subjects = new Set(produced.map((q) => q.subject.value));
    // A subject the table lists with every stated cell empty produces no triple: take the subjects from the CSV's iri column too.
    const csv = (await s.app.inject({ url: `/api/tables/${name}.csv` })).body;
    for (const line of csv.trimEnd().split('\r\n').slice(1)) subjects.add(line.split(',')[1] ?? '');
    expect([...(await covered(spec, subjects))].filter((k) => !produced.map(key).includes(k))).toEqual([]);
  });

  it('gives back every dated event’s date with the datatype of its precision, from the typed date columns', async () => {
    const produced = new Set((await convert('events')).map(key));
    const dated = (await s.store.match({ predicate: DataFactory.namedNode(dct('date')) })).filter((q) =>
      q.subject.value.startsWith(`${s.config.baseIri}id/event/`),
    );
    expect(dated.length).toBeGreaterThan(10);
    expect(new Set(dated.map((q) => (q.object.termType === 'Literal' ? q.object.datatype.value : '')))).toEqual(
      new Set([xsd('date'), xsd('gYearMonth'), xsd('gYear')]),
    );
    expect(dated.map(key).filter((k) => !produced.has(k))).toEqual([]);
  });

  it('leaves dates to their precision column for people: each date and precision give back the graph’s typed date', async () => {
    const datatypes: Record<string, string> = { day: xsd('date'), month: xsd('gYearMonth'), year: xsd('gYear') };
    for (const name of ['events', 'sources', 'sentences', 'findings']) {
      const csv = (await s.app.inject({ url: `/api/tables/${name}.csv` })).body;
      const [header, ...lines] = csv.trimEnd().split('\r\n');
      expect(header).toContain('date,date_precision');
      const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
      expect(rows.length).toBe(lines.length);
      for (const row of rows.filter((r) => r.date !== '')) {
        const literal = DataFactory.literal(row.date ?? '', DataFactory.namedNode(datatypes[row.date_precision ?? ''] ?? ''));
        expect(
          await s.store.match({ subject: DataFactory.namedNode(row.iri ?? ''), predicate: DataFactory.namedNode(dct('date')), object: literal }),
          `${name} ${row.iri}`,
        ).toHaveLength(1);
      }
    }
  });
});
