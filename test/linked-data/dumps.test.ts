import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataFactory, Parser } from 'n3';
import Papa from 'papaparse';
import { isomorphic } from 'rdf-isomorphic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { dumpCache } from '../../src/linked-data/dump-cache.js';
import { distinctTriples } from '../../src/linked-data/resource-graph.js';
import { realApp, type LinkedDataApp } from '../helpers/linked-data-app.js';
import { tableSpecs } from '../../src/tables/table-specs.js';
import { rdf, schema } from '../../src/vocabulary/namespaces.js';

interface IndexEntry {
  name: string;
  url: string;
  mediaType: string;
  size: number;
  sha256: string;
}

let s: LinkedDataApp;
let index: { datasetVersion: string; triples: number; quads: number; dumps: IndexEntry[] };
beforeAll(async () => {
  s = await realApp();
  index = JSON.parse((await s.app.inject({ url: '/dumps/', headers: { accept: 'application/json' } })).body);
});
afterAll(async () => s?.close());

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('GET /dumps/', () => {
  it('lists the whole graph in every syntax, then each tidy table with its CSVW metadata', () => {
    expect(index.datasetVersion).toBe(s.store.version);
    expect(index.dumps.map((d) => d.name)).toEqual([
      'casegraph.ttl',
      'casegraph.nt',
      'casegraph.nq',
      'casegraph.trig',
      'casegraph.jsonld',
      ...tableSpecs.flatMap((t) => [`${t.name}.csv`, `${t.name}.csv-metadata.json`]),
    ]);
  });

  it('gives each file its true size and SHA-256', async () => {
    for (const entry of index.dumps) {
      const res = await s.app.inject({ url: entry.url });
      expect(res.statusCode, entry.name).toBe(200);
      expect(res.headers['content-type'], entry.name).toContain(entry.mediaType);
      expect(res.rawPayload.length, entry.name).toBe(entry.size);
      expect(sha256(res.rawPayload), entry.name).toBe(entry.sha256);
      expect(res.headers['repr-digest'], entry.name).toBe(`sha-256=:${Buffer.from(entry.sha256, 'hex').toString('base64')}:`);
    }
  });

  it('publishes the same sums as SHA256SUMS', async () => {
    const sums = (await s.app.inject({ url: '/dumps/SHA256SUMS' })).body;
    expect(sums).toBe(index.dumps.map((d) => `${d.sha256}  ${d.name}\n`).join(''));
  });

  it('shows browsers an HTML index', async () => {
    const res = await s.app.inject({ url: '/dumps/', headers: { accept: 'text/html' } });
    expect(res.headers['content-type']).toContain('text/html');
    for (const entry of index.dumps) expect(res.body).toContain(entry.sha256);
  });

  it('answers 404 for a file it does not have', async () => {
    expect((await s.app.inject({ url: '/dumps/secrets.txt' })).statusCode).toBe(404);
  });
});

describe('the Turtle dump', () => {
  it('reloads into a graph isomorphic to the served one', async () => {
    const turtle = (await s.app.inject({ url: '/dumps/casegraph.ttl' })).body;
    const reloaded = new Parser({ format: 'text/turtle' }).parse(turtle);
    const served = distinctTriples(await s.store.match({}));
    expect(reloaded.length).toBe(served.length);
    expect(isomorphic(reloaded as never, served)).toBe(true);
  });

  it('is isomorphic to the N-Triples dump, and the N-Quads dump keeps every quad with its file graph', async () => {
    const nt = new Parser({ format: 'application/n-triples' }).parse((await s.app.inject({ url: '/dumps/casegraph.nt' })).body);
    const ttl = new Parser({ format: 'text/turtle' }).parse((await s.app.inject({ url: '/dumps/casegraph.ttl' })).body);
    expect(isomorphic(nt, ttl)).toBe(true);
    const nq = new Parser({ format: 'application/n-quads' }).parse((await s.app.inject({ url: '/dumps/casegraph.nq' })).body);
    expect(nq.length).toBe(s.store.size);
    expect(isomorphic(nq as never, await s.store.match({}))).toBe(true);
    const trig = new Parser({ format: 'application/trig' }).parse((await s.app.inject({ url: '/dumps/casegraph.trig' })).body);
    expect(isomorphic(trig, nq)).toBe(true);
  });
});

describe('the CSV files', () => {
  it('are the tables /api/tables serves, byte for byte, with the same metadata', async () => {
    for (const name of ['persons.csv', 'case-charges.csv', 'events.csv', 'claims.csv-metadata.json']) {
      const dump = (await s.app.inject({ url: `/dumps/${name}` })).body;
      expect(dump, name).toBe((await s.app.inject({ url: `/api/tables/${name}` })).body);
    }
  });

  const rows = async (name: string) =>
    Papa.parse<Record<string, string>>((await s.app.inject({ url: `/dumps/${name}` })).body, { header: true, skipEmptyLines: true });

  it('have one row per person, the short id first and the IRI beside it', async () => {
    const persons = await rows('persons.csv');
    expect(persons.meta.fields?.slice(0, 2)).toEqual(['id', 'iri']);
    const stated = (await s.store.match({ predicate: DataFactory.namedNode(rdf('type')), object: DataFactory.namedNode(schema('Person')) })).map(
      (q) => q.subject.value,
    );
    expect(persons.data.map((r) => r.iri).sort()).toEqual([...new Set(stated)].sort());
    expect(persons.data.map((r) => r.id)).toContain('person/gulmire-imin');
  });

  it('write dates as the ISO values the graph holds', async () => {
    const dates = (await rows('events.csv')).data.map((r) => r.date).filter(Boolean);
    expect(dates).toContain('2009-07-14');
    expect(dates).toContain('2012-03');
    for (const date of dates) expect(date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
  });
});

describe('the dump memo', () => {
  it('builds once per dataset version and reuses the build', async () => {
    const dumps = dumpCache(s.store);
    const first = dumps();
    expect(dumps()).toBe(first);
    expect((await first).version).toBe(s.store.version);
  });
});

describe('casegraph export', () => {
  it('writes the same files as the server serves, with an index and SHA256SUMS', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'casegraph-export-'));
    try {
      const lines: string[] = [];
      const code = await main(['export', '--out', out], { out: (t) => void lines.push(t), err: (t) => void lines.push(t) });
      expect(code, lines.join('')).toBe(0);
      const written = JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8'));
      for (const entry of index.dumps) {
        const bytes = readFileSync(path.join(out, entry.name));
        expect(sha256(bytes), entry.name).toBe(entry.sha256);
        expect(written.dumps.find((d: IndexEntry) => d.name === entry.name).sha256).toBe(entry.sha256);
      }
      expect(readFileSync(path.join(out, 'SHA256SUMS'), 'utf8')).toContain(`${index.dumps[0]!.sha256}  casegraph.ttl`);
      expect(readFileSync(path.join(out, 'void.ttl'), 'utf8')).toContain('creativecommons.org/licenses/by/4.0');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('rejects an unknown argument with usage, writing nothing', async () => {
    const errors: string[] = [];
    const code = await main(['export', '--bogus'], { out: () => undefined, err: (t) => void errors.push(t) });
    expect(code).toBe(2);
    expect(errors.join('')).toContain('--bogus');
  });
});
