import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { projectRoot } from '../../src/config/load-config.js';

const run = promisify(execFile);
const bin = path.join(projectRoot, 'bin/casegraph.js');
const invalid = 'test/validation/fixtures/invalid';

async function inProcess(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('casegraph validate', () => {
  it('exits 0 on the shipped data, through the installed bin', async () => {
    const { stdout } = await run(process.execPath, [bin, 'validate'], { cwd: projectRoot });
    expect(stdout).toMatch(/^valid: \d+ files, \d+ triples conform/);
  });

  it('exits 1 on an invalid fixture, through the installed bin, with a readable report', async () => {
    const error = await run(process.execPath, [bin, 'validate', `${invalid}/person-with-birth-date.ttl`], { cwd: projectRoot }).then(
      () => undefined,
      (e: unknown) => e as { code: number; stdout: string },
    );
    expect(error?.code).toBe(1);
    expect(error?.stdout).toContain(`${invalid}/person-with-birth-date.ttl: Violation`);
    expect(error?.stdout).toContain('focus node: <http://example.test/other>');
    expect(error?.stdout).toContain('path:       <https://schema.org/birthDate>');
    expect(error?.stdout).toMatch(/message: +\S/);
  });

  it.each(readdirSync(path.join(projectRoot, invalid)))('exits 1 with a report on %s', async (file) => {
    const { code, out } = await inProcess(['validate', path.join(projectRoot, invalid, file)]);
    expect(code).toBe(1);
    expect(out).toMatch(/^invalid: \d+ problem/);
    expect(out).toContain(`${invalid}/${file}: Violation`);
  });

  it('names a missing file and exits 1', async () => {
    const { code, err } = await inProcess(['validate', 'no/such/file.ttl']);
    expect(code).toBe(1);
    expect(err).toContain('no such file or folder: no/such/file.ttl');
  });

  it('names file, line and column of a syntax error', async () => {
    const { code, err } = await inProcess(['validate', 'test/dataset/fixtures/broken.ttl']);
    expect(code).toBe(1);
    expect(err).toMatch(/test\/dataset\/fixtures\/broken\.ttl:3:\d+: /);
  });
});
