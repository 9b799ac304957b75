import { Ajv } from 'ajv';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataPrefixes } from '../helpers/dataset-queries.js';
import { openCaseApp, type CaseApp } from '../helpers/case-app.js';
import { tableSpecs } from '../../src/tables/table-specs.js';

interface TableEntry {
  name: string;
  url: string;
  metadata: string;
  columns: string[];
}

let s: CaseApp;
let index: { datasetVersion: string; dictionary: string; tables: TableEntry[] };
beforeAll(async () => {
  s = await openCaseApp();
  index = JSON.parse((await s.app.inject({ url: '/api/tables' })).body);
});
afterAll(async () => s?.app.close());

const base = () => s.config.baseIri;

async function table(name: string): Promise<{ header: string[]; rows: Array<Record<string, string>> }> {
  const res = await s.app.inject({ url: `/api/tables/${name}.csv` });
  expect(res.statusCode, name).toBe(200);
  const parsed = Papa.parse<Record<string, string>>(res.body, { header: true, skipEmptyLines: true });
  expect(parsed.errors, name).toEqual([]);
  return { header: parsed.meta.fields ?? [], rows: parsed.data };
}

async function select(query: string): Promise<Array<Record<string, string>>> {
  const result = await s.store.query({ query: `${dataPrefixes} ${query}` });
  if (result.kind !== 'bindings') throw new Error(`expected bindings, got ${result.kind}`);
  return result.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.value])));
}

async function count(pattern: string, variables: string): Promise<number> {
  const [row] = await select(`SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ${variables} WHERE { ${pattern} } }`);
  return Number(row?.n);
}

describe('GET /api/tables', () => {
  it('lists every table with its CSV, its metadata and its columns, id and iri first', () => {
    expect(index.datasetVersion).toBe(s.store.version);
    expect(index.tables.map((t) => t.name)).toEqual(tableSpecs.map((t) => t.name));
    for (const entry of index.tables) {
      expect(entry.url).toBe(`/api/tables/${entry.name}.csv`);
      expect(entry.metadata).toBe(`/api/tables/${entry.name}.csv-metadata.json`);
      expect(entry.columns.slice(0, 2)).toEqual(['id', 'iri']);
    }
    for (const name of [
      'persons',
      'cases',
      'events',
      'case-charges',
      'sentences',
      'provisions',
      'findings',
      'organisations',
      'places',
      'sources',
      'claims',
      'claim-sources',
      'excerpts',
      'charges',
      'genders',
    ]) {
      expect(index.tables.map((t) => t.name)).toContain(name);
    }
  });
});

describe('each table', () => {
  it('parses as CSV with the index’s columns, one value per cell, the short id first and the IRI beside it', async () => {
    for (const entry of index.tables) {
      const { header, rows } = await table(entry.name);
      expect(header, entry.name).toEqual(entry.columns);
      for (const row of rows) {
        expect(Object.keys(row), entry.name).toEqual(header);
        expect(row.iri, entry.name).toMatch(/^https?:\/\//);
        const iri = row.iri ?? '';
        const expected = iri.startsWith(`${base()}id/`)
          ? iri.slice(`${base()}id/`.length)
          : iri.startsWith(base())
            ? iri.slice(base().length)
            : iri.replace(/^.*[#/]/, '');
        expect(row.id, entry.name).toBe(expected);
        // One value per cell: the old dumps joined several with " | ".
        for (const value of Object.values(row)) expect(value, entry.name).not.toContain(' | ');
      }
    }
  });

  it('has one row per subject where it says so (no repeated iri)', async () => {
    for (const spec of tableSpecs.filter((t) => t.onePerSubject)) {
      const { rows } = await table(spec.name);
      const iris = rows.map((r) => r.iri);
      expect(new Set(iris).size, spec.name).toBe(iris.length);
    }
  });

  it('puts a label column beside every column of casegraph IRIs', async () => {
    for (const spec of tableSpecs) {
      const { header } = await table(spec.name);
      for (const column of spec.columns.filter((c) => c.kind === 'ref')) {
        expect(header.indexOf(`${column.name}_label`), `${spec.name}.${column.name}`).toBe(header.indexOf(column.name) + 1);
      }
    }
  });
});

describe('the rows', () => {
  it('number as many as the graph has persons, cases, events, sources, claims and places', async () => {
    const classes: Record<string, string> = {
      persons: 'schema:Person',
      cases: 'cg:Case',
      events: 'cg:Event',
      sources: 'cg:Source',
      claims: 'cg:Claim',
      places: 'schema:Place',
      organisations: 'schema:Organization',
      sentences: 'cg:Sentencing',
    };
    for (const [name, cls] of Object.entries(classes)) {
      expect((await table(name)).rows.length, name).toBe(await count(`?s a ${cls}`, '?s'));
    }
    expect((await table('persons')).rows.length).toBeGreaterThanOrEqual(6);
  });

  it('give each many-valued property a long table with one row per pair', async () => {
    const pairs: Record<string, string> = {
      'case-charges': '?s a cg:Case ; cg:charge ?o',
      'case-events': '?s a cg:Case ; cg:hasEvent ?o',
      'event-persons': '?s a cg:Event ; cg:concernsPerson ?o',
      'finding-provisions': '?s a cg:WorkingGroupOpinion ; cg:provisionViolated ?o',
      'claim-sources': '?s a cg:Claim ; prov:wasDerivedFrom ?o',
      excerpts: '?s cg:excerpt ?o',
    };
    for (const [name, pattern] of Object.entries(pairs)) {
      expect((await table(name)).rows.length, name).toBe(await count(pattern, '?s ?o'));
    }
    const charges = (await table('case-charges')).rows.filter((r) => r.id === 'case/gulmire-imin');
    const stated = await select('SELECT ?charge ?label WHERE { case:gulmire-imin cg:charge ?charge . ?charge rdfs:label ?label }');
    expect(charges.map((r) => [r.charge, r.charge_label]).sort()).toEqual(stated.map((r) => [r.charge, r.label]).sort());
  });

  it('give each code list every concept of its scheme', async () => {
    const schemes: Record<string, string> = {
      charges: 'cg:Charges',
      'sentence-types': 'cg:SentenceTypes',
      provisions: 'cg:LegalInstruments',
      'event-types': 'cg:EventTypes',
    };
    for (const [name, scheme] of Object.entries(schemes)) {
      expect((await table(name)).rows.length, name).toBe(await count(`?s skos:inScheme ${scheme}`, '?s'));
    }
  });

  it('write integers as integers: the stated age as the graph states it', async () => {
    const [age] = await select('SELECT ?age WHERE { person:gulmire-imin cg:statedAge ?age }');
    const row = (await table('persons')).rows.find((r) => r.id === 'person/gulmire-imin');
    expect(row?.stated_age).toBe(age?.age);
    expect(row?.stated_age).toMatch(/^\d+$/);
  });

  it('write dates as ISO text with their precision in a column of its own', async () => {
    const precision: Record<string, string> = {
      [`http://www.w3.org/2001/XMLSchema#date`]: 'day',
      [`http://www.w3.org/2001/XMLSchema#gYearMonth`]: 'month',
      [`http://www.w3.org/2001/XMLSchema#gYear`]: 'year',
    };
    const dated = await select('SELECT ?s ?date (DATATYPE(?date) AS ?type) WHERE { ?s a cg:Event ; dct:date ?date }');
    const events = (await table('events')).rows;
    expect(events.filter((r) => r.date !== '').length).toBe(dated.length);
    for (const { s: iri, date, type } of dated) {
      const row = events.find((r) => r.iri === iri);
      expect(row?.date, iri).toBe(date);
      expect(row?.date_precision, iri).toBe(precision[type ?? '']);
    }
    expect(events.find((r) => r.id === 'event/gulmire-imin-wgad-opinion')?.date_precision).toBe('month');
  });

  it('give each claim its source and locator', async () => {
    const located = await select(
      'SELECT ?claim ?source ?locator WHERE { ?claim a cg:Claim ; prov:qualifiedDerivation [ prov:entity ?source ; cg:locator ?locator ] }',
    );
    const rows = (await table('claim-sources')).rows;
    expect(located.length).toBeGreaterThan(0);
    for (const { claim, source, locator } of located) {
      expect(rows.find((r) => r.iri === claim && r.source === source)?.locator).toBe(locator);
    }
  });
});

describe('a table as CSV', () => {
  it('links its CSV on the Web metadata with rel="describedby"', async () => {
    const res = await s.app.inject({ url: '/api/tables/persons.csv' });
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers.link).toBe('</api/tables/persons.csv-metadata.json>; rel="describedby"; type="application/csvm+json"');
  });
});

describe('a table’s metadata', () => {
  it('is W3C CSVW: the table’s URL, a column per CSV column with datatype, and keys to the tables it points to', async () => {
    const res = await s.app.inject({ url: '/api/tables/case-charges.csv-metadata.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/csvm+json');
    const metadata = JSON.parse(res.body);
    expect(metadata['@context'][0]).toBe('http://www.w3.org/ns/csvw');
    expect(metadata.url).toBe('case-charges.csv');
    expect(metadata.tableSchema.aboutUrl).toBe('{+iri}');
    const columns = metadata.tableSchema.columns as Array<{ name: string; datatype: string; propertyUrl?: string; valueUrl?: string }>;
    expect(columns.map((c) => c.name)).toEqual(['id', 'iri', 'charge', 'charge_label']);
    expect(columns.find((c) => c.name === 'charge')).toMatchObject({ datatype: 'anyURI', propertyUrl: `${base()}ontology#charge`, valueUrl: '{+charge}' });
    expect(metadata.tableSchema.foreignKeys).toEqual([
      { columnReference: 'iri', reference: { resource: 'cases.csv', columnReference: 'iri' } },
      { columnReference: 'charge', reference: { resource: 'charges.csv', columnReference: 'iri' } },
    ]);
  });

  it('names the integer column an integer', async () => {
    const metadata = JSON.parse((await s.app.inject({ url: '/api/tables/persons.csv-metadata.json' })).body);
    expect(metadata.tableSchema.primaryKey).toBe('iri');
    expect(metadata.tableSchema.columns.find((c: { name: string }) => c.name === 'stated_age').datatype).toBe('integer');
  });

  it('points every foreign key at a table that exists', async () => {
    const names = new Set(index.tables.map((t) => `${t.name}.csv`));
    for (const entry of index.tables) {
      const metadata = JSON.parse((await s.app.inject({ url: entry.metadata })).body);
      for (const key of metadata.tableSchema.foreignKeys ?? [])
        expect(names.has(key.reference.resource), `${entry.name}: ${key.reference.resource}`).toBe(true);
    }
  });
});

describe('an unknown table', () => {
  it('answers 404 with a message naming the list', async () => {
    for (const url of ['/api/tables/nothing.csv', '/api/tables/nothing.csv-metadata.json', '/api/tables/persons.txt', '/api/tables/persons']) {
      const res = await s.app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toContain('/api/tables');
    }
  });
});

describe('GET /.well-known/csvm', () => {
  it('gives CSVW’s site-wide location templates', async () => {
    const res = await s.app.inject({ url: '/.well-known/csvm' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toBe('{+url}-metadata.json\ncsv-metadata.json\n');
  });
});

describe('the data dictionary', () => {
  it('describes every table and column as HTML under the site’s script-free policy', async () => {
    const res = await s.app.inject({ url: index.dictionary });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.body).not.toMatch(/<script|\son[a-z]+=/i);
    for (const entry of index.tables) {
      expect(res.body).toContain(`href="${entry.name}.csv"`);
      expect(res.body).toContain(`href="${entry.name}.csv-metadata.json"`);
    }
    expect(res.body).toContain(`<code>stated_age</code>`);
  });
});

describe('the OpenAPI document', () => {
  it('describes the index as it is answered', async () => {
    const document = JSON.parse((await s.app.inject({ url: '/openapi.json' })).body);
    const schema = document.components.schemas.TableIndex;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(index), JSON.stringify(validate.errors)).toBe(true);
  });

  it('describes the table routes', async () => {
    const paths = Object.keys(JSON.parse((await s.app.inject({ url: '/openapi.json' })).body).paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/tables', '/api/tables/dictionary', '/api/tables/{file}', '/.well-known/csvm']));
  });
});
