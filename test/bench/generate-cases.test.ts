// The benchmark's synthetic cases: valid against casegraph's SHACL shapes, and byte-identical for the same seed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCases, syntheticBenchBase } from '../../bench/generate-cases.js';
import { projectRoot } from '../../src/config/load-config.js';
import { validateDataset } from '../../src/validation/validate-dataset.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'casegraph-bench-gen-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const generate = (dir: string, seed: number) => generateCases({ triples: 2000, outDir: path.join(scratch, dir), seed, casesPerFile: 10 });
const bytes = (dir: string, files: readonly string[]) => files.map((file) => readFileSync(path.join(scratch, dir, file), 'utf8'));

describe('synthetic cases of about 2,000 triples', () => {
  const first = generate('a', 7);

  it('pass the SHACL shapes together with the ontology', async () => {
    const report = await validateDataset({ root: projectRoot, baseIri: syntheticBenchBase, paths: [path.join(scratch, 'a')] });
    expect(report.results).toEqual([]);
    expect(report.conforms).toBe(true);
    expect(report.size).toBe(first.triples);
  }, 60_000);

  it('hold at least the triples asked for, in several files, about 60 a case', () => {
    expect(first.triples).toBeGreaterThanOrEqual(2000);
    expect(first.files.length).toBeGreaterThan(2);
    const perCase = (first.triples - first.referenceTriples) / first.cases;
    expect(perCase).toBeGreaterThan(50);
    expect(perCase).toBeLessThan(70);
  });

  it('are byte-identical for the same seed and differ for another', () => {
    const again = generate('b', 7);
    const other = generate('c', 8);
    expect(again.files).toEqual(first.files);
    expect(bytes('b', again.files)).toEqual(bytes('a', first.files));
    expect(bytes('c', other.files)).not.toEqual(bytes('a', first.files));
  });
});
