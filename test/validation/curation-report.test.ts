import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataFactory, Parser, Store } from 'n3';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { curationReport, type CurationFinding } from '../../src/validation/curation-report.js';

const base = 'http://example.test/';
const graph = `${base}graph/data/cases/synthetic`;
const file = 'data/cases/synthetic.ttl';

// A synthetic case under example.test (no real person): each node is written to trip exactly one check, or none.
const turtle = `@prefix cg: <${base}ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<${base}id/source/held> a cg:Source ; rdfs:label "Held" ; cg:heldCopy "held/page.txt" ; cg:excerpt "said so" .
<${base}id/source/web-a> a cg:Source ; rdfs:label "A" ; schema:url <http://example.test/a> ; prov:wasDerivedFrom <${base}id/source/held> .
<${base}id/source/web-b> a cg:Source ; rdfs:label "B" ; schema:url <http://example.test/b> ; prov:wasDerivedFrom <${base}id/source/held> .
<${base}id/source/no-url> a cg:Source ; rdfs:label "No URL" ; prov:wasDerivedFrom <${base}id/source/held> .
<${base}id/person/dated> a schema:Person ; cg:excerpt "was arrested", "plain  spaced" ; prov:wasDerivedFrom <${base}id/source/held>, <${base}id/source/web-a> .
<${base}id/case/dated> a cg:Case ; cg:concernsPerson <${base}id/person/dated> ; prov:wasDerivedFrom <${base}id/source/web-a>, <${base}id/source/web-b> .
<${base}id/event/dated-arrest> a cg:Arrest ; cg:concernsPerson <${base}id/person/dated> ; dct:date "2001"^^xsd:gYear ; prov:wasDerivedFrom <${base}id/source/web-a>, <${base}id/source/web-b> .
<${base}id/person/undated> a schema:Person ; cg:excerpt "never written there" ; prov:wasDerivedFrom <${base}id/source/held>, <${base}id/source/web-b> .
<${base}id/case/undated> a cg:Case ; cg:concernsPerson <${base}id/person/undated> ; prov:wasDerivedFrom <${base}id/source/web-a>, <${base}id/source/web-b> .
<${base}id/event/undated-arrest> a cg:Arrest ; cg:concernsPerson <${base}id/person/undated> ; prov:wasDerivedFrom <${base}id/source/web-a>, <${base}id/source/web-b> .
<${base}id/claim/one> a cg:Claim ; rdf:subject <${base}id/event/undated-arrest> ; rdf:predicate dct:date ; rdf:object "2001-01-01"^^xsd:date ; prov:wasDerivedFrom <${base}id/source/web-a> .
<${base}id/claim/two> a cg:Claim ; rdf:subject <${base}id/event/undated-arrest> ; rdf:predicate dct:date ; rdf:object "2001-01-02"^^xsd:date ; prov:wasDerivedFrom <${base}id/source/web-b>, <${base}id/source/web-a> .
<${base}id/person/no-arrest> a schema:Person ; prov:wasDerivedFrom <${base}id/source/web-a>, <${base}id/source/web-b> .
<${base}id/case/no-arrest> a cg:Case ; cg:concernsPerson <${base}id/person/no-arrest> ; prov:wasDerivedFrom <${base}id/source/web-a>, <${base}id/source/web-b> .
`;

const dir = mkdtempSync(path.join(tmpdir(), 'casegraph-curation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The project root is dir/project; a held copy's path is read from its parent, as shared/ lies beside a checkout.
mkdirSync(path.join(dir, 'held'));
writeFileSync(path.join(dir, 'held/page.txt'), 'He was arrested,\u00a0they said so. A plain\nspaced line.\n');
const store = new Store(
  new Parser({ format: 'text/turtle' }).parse(turtle).map((q) => DataFactory.quad(q.subject, q.predicate, q.object, DataFactory.namedNode(graph))),
);
const findings = curationReport(store, new Map([[graph, file]]), path.join(dir, 'project'), base);
const of = (check: CurationFinding['check']) => findings.filter((f) => f.check === check).map((f) => [f.focusNode.slice(base.length), f.detail]);

describe('the curation report of a synthetic case', () => {
  it('lists each node with a single source, naming it, but no source record and nothing with two', () => {
    expect(of('single-source')).toEqual([['id/claim/one', `only ${base}id/source/web-a`]]);
  });

  it('lists a person whose case records no arrest, or an arrest without a date, noting claims that disagree', () => {
    expect(of('person-without-arrest-date')).toEqual([
      ['id/person/no-arrest', 'no arrest recorded'],
      ['id/person/undated', 'arrest undated; 2 claims give different dates'],
    ]);
  });

  it('lists sources without a URL, saying when the project holds their text', () => {
    expect(of('source-without-url')).toEqual([
      ['id/source/held', 'held copy only: held/page.txt'],
      ['id/source/no-url', 'neither a URL nor a held copy'],
    ]);
  });

  it('lists an excerpt the held text does not contain, matching across no-break spaces and line breaks', () => {
    expect(of('excerpt-not-in-held-text')).toEqual([['id/person/undated', '"never written there" not found in held/page.txt']]);
  });

  it('names the file of every finding and keeps one order', () => {
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set([file]));
    expect(curationReport(store, new Map([[graph, file]]), path.join(dir, 'project'), base)).toEqual(findings);
  });
});

describe('casegraph validate on the shipped data', () => {
  it('prints the curation table after the verdict and writes the same findings as CSV', async () => {
    let out = '';
    let err = '';
    const csv = path.join(dir, 'curation.csv');
    const code = await main(['validate', '--curation-csv', csv], { out: (t) => void (out += t), err: (t) => void (err += t) });
    expect(code).toBe(0);
    expect(out).toMatch(/^valid: /);
    const total = Number(/curation: (\d+) finding\(s\) to review/.exec(out)?.[1]);
    const rows = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8'), { header: true, skipEmptyLines: true });
    expect(rows.errors).toEqual([]);
    expect(rows.meta.fields).toEqual(['check', 'file', 'focus_node', 'detail']);
    expect(rows.data).toHaveLength(total);
    expect(err).toContain(`curation: ${total} finding(s) written to ${csv}`);
    // The seed page is held, not found at a URL; every excerpt of the data is in its held text.
    expect(rows.data.filter((r) => r.check === 'source-without-url').map((r) => r.detail)).toContain(
      'held copy only: shared/seed/uhrp-prisoner-profile-gulmire-imin.txt',
    );
    expect(rows.data.filter((r) => r.check === 'excerpt-not-in-held-text')).toEqual([]);
  });
});
