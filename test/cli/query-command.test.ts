import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load-config.js';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['query', ...args], { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

function rqFile(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'casegraph-rq-')), 'query.rq');
  writeFileSync(file, text);
  return file;
}

describe('casegraph query', () => {
  it('prints an ASK answer as SPARQL JSON by default', async () => {
    const { code, out } = await run('ASK {}');
    expect([code, out]).toEqual([0, '{"head":{},"boolean":true}\n']);
  });

  it('reads a .rq file, resolves relative IRIs against the base and prints the chosen format', async () => {
    const file = rqFile('PREFIX cg: <ontology#>\nSELECT ?x ?y WHERE { BIND(<id/person/x> AS ?x) BIND(cg:Case AS ?y) }\n');
    const { code, out } = await run(file, '--format', 'tsv');
    expect([code, out]).toEqual([0, `?x\t?y\n<${loadConfig().baseIri}id/person/x>\t<${loadConfig().baseIri}ontology#Case>\n`]);
  });

  it('prints a CONSTRUCT answer as Turtle by default', async () => {
    const { code, out } = await run('CONSTRUCT { <http://example.test/a> <http://example.test/b> "c" } WHERE {}');
    expect(code).toBe(0);
    expect(out).toMatch(/<http:\/\/example\.test\/a> <http:\/\/example\.test\/b> "c"\./);
  });
});

describe('casegraph query with bad input', () => {
  it('exits 2 naming file, line and column for a syntax error in a .rq file', async () => {
    const file = rqFile('SELECT *\nWHERE { ?s ?p }\n');
    const { code, err } = await run(file);
    expect(code).toBe(2);
    expect(err).toBe(`casegraph query: ${file}:2:15: syntax error: unexpected "}"\n`);
  });

  it('exits 2 for an update, saying the endpoint is read-only', async () => {
    const { code, err } = await run('INSERT DATA { <http://example.test/a> <http://example.test/b> 1 }');
    expect(code).toBe(2);
    expect(err).toMatch(/are not accepted: this endpoint is read-only/);
  });

  it('exits 2 for a format that cannot carry the answer', async () => {
    const { code, err } = await run('ASK {}', '--format', 'turtle');
    expect(code).toBe(2);
    expect(err).toMatch(/--format turtle cannot carry this query's answer \(use json, xml, csv, tsv\)/);
  });

  it.each([[[]], [['ASK {}', 'ASK {}']], [['ASK {}', '--format']], [['ASK {}', '--frobnicate']]])(
    'exits 2 with one line pointing at --help for %j',
    async (args) => {
      const { code, err } = await run(...args);
      expect(code).toBe(2);
      expect(err).toMatch(/^casegraph query: [^\n]+; see casegraph query --help\n$/);
    },
  );

  it('exits 2 for a .rq file that does not exist', async () => {
    const { code, err } = await run(path.join(tmpdir(), 'casegraph-missing', 'nope.rq'));
    expect(code).toBe(2);
    expect(err).toMatch(/cannot read .*nope\.rq: ENOENT/);
  });
});

describe('casegraph query --data', () => {
  it('answers over the given folder instead of data/, with the ontology still loaded', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'casegraph-own-data-'));
    writeFileSync(path.join(folder, 'own.ttl'), '<https://example.org/synthetic/a> <https://example.org/synthetic/p> "own" .\n');
    // One process: each run starts a store and a worker.
    const query = [
      'SELECT ?own ?ontology ?shipped {',
      '  BIND(EXISTS { ?s <https://example.org/synthetic/p> "own" } AS ?own)',
      '  BIND(EXISTS { ?c a <http://www.w3.org/2002/07/owl#Class> } AS ?ontology)',
      '  BIND(EXISTS { ?p a <https://schema.org/Person> } AS ?shipped)',
      '}',
    ].join('\n');
    const { code, out } = await run(query, '--data', folder, '--format', 'csv');
    expect([code, out]).toEqual([0, 'own,ontology,shipped\r\ntrue,true,false\r\n']);
  });

  it('exits 2 naming a folder that does not exist', async () => {
    const { code, err } = await run('ASK {}', '--data', 'no/such/folder');
    expect(code).toBe(2);
    expect(err).toMatch(/--data: "no\/such\/folder" is not a folder/);
  });
});
