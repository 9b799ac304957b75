// data/imports/nijat-azat.csv restates data/cases/nijat-azat.ttl as a sheet: its import says everything that file says, and only adds claims.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSheet } from '../../src/curation/index.js';
import { projectRoot } from '../../src/config/load-config.js';
import { casegraphNamespaces, rdf, rdfs } from '../../src/vocabulary/namespaces.js';

const base = 'http://example.test/';
let dir: string;
let imported: string;

beforeAll(async () => {
  // The data without the hand-written file, so the person is not a collision; the real data/ is never written.
  dir = mkdtempSync(path.join(tmpdir(), 'casegraph-nijat-azat-'));
  cpSync(path.join(projectRoot, 'data'), path.join(dir, 'data'), { recursive: true, filter: (src) => !src.endsWith('cases/nijat-azat.ttl') });
  const outcome = await importSheet({
    sheet: path.join(projectRoot, 'data/imports/nijat-azat.csv'),
    root: projectRoot,
    baseIri: base,
    dataDirs: [path.join(dir, 'data')],
    outDir: path.join(dir, 'data/imported'),
    dryRun: false,
    allowNew: false,
  });
  expect(outcome).toMatchObject({ kind: 'done', written: true });
  imported = readFileSync(path.join(dir, 'data/imported/nijat-azat.ttl'), 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function triples(text: string): Set<string> {
  return new Set(
    new Parser({ baseIRI: base })
      .parse(text)
      // Labels and comments are prose written by hand; the import writes its own.
      .filter((q) => q.predicate.value !== rdfs('label') && q.predicate.value !== rdfs('comment'))
      .map(
        (q) =>
          `${q.subject.value} ${q.predicate.value} ${q.object.termType === 'Literal' ? JSON.stringify([q.object.value, q.object.datatype.value, q.object.language]) : q.object.value}`,
      ),
  );
}

describe('the Nijat Azat sheet', () => {
  it('imports to a superset of the hand-written file (apart from its labels and comments)', () => {
    const committed = triples(readFileSync(path.join(projectRoot, 'data/cases/nijat-azat.ttl'), 'utf8'));
    const ours = triples(imported);
    expect([...committed].filter((t) => !ours.has(t))).toEqual([]);
  });

  it('adds only claims and their derivations to what the hand-written file says', () => {
    const committed = triples(readFileSync(path.join(projectRoot, 'data/cases/nijat-azat.ttl'), 'utf8'));
    const claim = casegraphNamespaces(base).id('claim/');
    const extra = [...triples(imported)].filter((t) => !committed.has(t));
    const subjects = new Set(extra.map((t) => t.split(' ')[0] ?? ''));
    for (const subject of subjects) expect(subject.startsWith(claim) || !subject.includes('://'), subject).toBe(true);
    expect(extra.some((t) => t.includes(rdf('type')) && t.includes('Claim'))).toBe(true);
  });
});
