// `casegraph import` through the command line: progress on stderr, report on stdout, exit codes of src/cli/exit-codes.ts.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { projectRoot } from '../../src/config/load-config.js';

const fixtures = path.join(projectRoot, 'test/curation/fixtures');
const sample = path.join(fixtures, 'sample.csv');

let dir: string;
let dataDir: string;
let outDir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'casegraph-import-cli-'));
  dataDir = path.join(dir, 'data');
  outDir = path.join(dir, 'out');
  cpSync(path.join(fixtures, 'data'), dataDir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('casegraph import', () => {
  it('writes the person files, then says "no change" on a re-run', async () => {
    const first = await cli(['import', sample, '--data', dataDir, '--out', outDir]);
    expect(first.code).toBe(0);
    expect(first.out).toContain('wrote out/test-person-alpha.ttl (new)');
    expect(first.err).toContain('casegraph import: checking 14 rows');
    // Page two is cited by both persons: it goes to the sheet's shared file.
    expect(readdirSync(outDir).sort()).toEqual(['sample.shared.ttl', 'test-person-alpha.ttl', 'test-person-beta.ttl']);
    const again = await cli(['import', sample, '--data', dataDir, '--out', outDir]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^no change/);
  });

  it('writes nothing on --dry-run and prints the diff it would apply', async () => {
    const { code, out } = await cli(['import', sample, '--dry-run', '--data', dataDir, '--out', outDir]);
    expect(code).toBe(0);
    expect(out).toContain('would write out/test-person-beta.ttl (new)');
    expect(out).toContain('+ person:test-person-beta a schema:Person ;');
    expect(out).toContain('dry run: nothing written');
    expect(existsSync(outDir)).toBe(false);
  });

  it('says which file it would remove and which it removed when a person is taken out of the sheet', async () => {
    const text = readFileSync(sample, 'utf8');
    const copy = path.join(dir, 'cases.csv');
    writeFileSync(copy, text);
    expect((await cli(['import', copy, '--data', dataDir, '--out', outDir])).code).toBe(0);
    writeFileSync(
      copy,
      text
        .split('\n')
        .filter((line) => !line.startsWith('Test Person Beta,'))
        .join('\n'),
    );
    const dry = await cli(['import', copy, '--dry-run', '--data', dataDir, '--out', outDir]);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('would remove out/test-person-beta.ttl (no longer in the sheet)\n');
    expect(dry.out).toContain('- person:test-person-beta a schema:Person ;');
    expect(dry.out).toContain('dry run: nothing written');
    expect(readdirSync(outDir)).toContain('test-person-beta.ttl');
    const real = await cli(['import', copy, '--data', dataDir, '--out', outDir]);
    expect(real.code).toBe(0);
    expect(real.out).toContain('removed out/test-person-beta.ttl (no longer in the sheet)\n');
    expect(readdirSync(outDir).sort()).toEqual(['test-person-alpha.ttl']);
    expect((await cli(['import', copy, '--data', dataDir, '--out', outDir])).out).toMatch(/^no change/);
  });

  it('exits 2 naming file, row and column of every bad row', async () => {
    const header = readFileSync(sample, 'utf8').split('\n')[0] ?? '';
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(
      bad,
      `${header}\nTest Person Gamma,charge,Made-up charge,,https://example.test/page-one,Page one,Synthetic Publisher,,,\nTest Person Gamma,arrest_date,May 2019,,,,,,,\n`,
    );
    const { code, out, err } = await cli(['import', bad, '--data', dataDir, '--out', outDir]);
    expect(code).toBe(2);
    expect(err).toContain('3 problem(s); nothing written');
    expect(out).toContain(`${bad}, row 2, column value: unknown charge "Made-up charge"`);
    expect(out).toContain(`${bad}, row 3, column value: "May 2019" is not a date`);
    expect(out).toContain(`${bad}, row 3, column source_url: missing source`);
    expect(existsSync(outDir)).toBe(false);
  });

  it('exits 2 on a sheet it cannot read', async () => {
    const { code, err } = await cli(['import', path.join(dir, 'cases.ods'), '--data', dataDir]);
    expect(code).toBe(2);
    expect(err).toContain('unsupported sheet type (want .csv or .xlsx)');
  });
});
