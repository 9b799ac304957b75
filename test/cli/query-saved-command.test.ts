import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('casegraph query with a saved query name', () => {
  it('runs the same file as the API, with --param bound as a term', async () => {
    const { code, out } = await run(['query', 'persons/by-charge', '--param', 'charge=id/concept/charge/splittism', '--format', 'csv']);
    expect(code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(out.trim(), { header: true }).data;
    expect(rows.map((r) => r.chargeLabel)).toEqual(['Splittism']);
  });

  it('uses the defaults of the front matter', async () => {
    const { code, out } = await run(['query', 'persons/timeline', '--format', 'json']);
    expect(code).toBe(0);
    const bindings = JSON.parse(out).results.bindings as Array<{ typeLabel: { value: string } }>;
    expect(bindings[0]?.typeLabel.value).toBe('arrest');
  });

  it('exits 2 naming a parameter the query does not take', async () => {
    const { code, err } = await run(['query', 'persons/by-charge', '--param', 'chrge=x']);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown parameter "chrge" for query persons\/by-charge/);
  });

  it('exits 2 for a malformed --param', async () => {
    const { code, err } = await run(['query', 'persons/by-charge', '--param', 'charge']);
    expect(code).toBe(2);
    expect(err).toMatch(/--param needs NAME=VALUE/);
  });

  it('binds parameters of a grlc-decorated .rq file too', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'casegraph-cli-')), 'named.rq');
    writeFileSync(file, '#+ summary: Named\nPREFIX schema: <https://schema.org/>\nSELECT ?p WHERE { ?p schema:name ?_name }\n');
    const { code, out } = await run(['query', file, '--param', 'name=Nurmuhammet Yasin', '--format', 'csv']);
    expect(code).toBe(0);
    expect(out.trim().split('\r\n')).toEqual(['p', 'http://localhost:3000/id/person/nurmuhammet-yasin']);
  });

  it('refuses --param for a plain query text', async () => {
    const { code, err } = await run(['query', 'ASK {}', '--param', 'x=1']);
    expect(code).toBe(2);
    expect(err).toMatch(/--param needs a saved query/);
  });
});
