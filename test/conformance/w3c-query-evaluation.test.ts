import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { casegraphTestEngine } from './casegraph-test-engine.js';
import type { TestSource } from './casegraph-test-engine.js';
import { conformanceSuites, suiteName } from './conformance-suites.js';
import { conformanceTable } from './conformance-table.js';
import type { TableRow } from './conformance-table.js';
import type { SuiteOutcome } from './run-w3c-suites.js';
import { knownFailures } from './skipped-tests.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** CI clones the repository with ../shared beside it; the W3C data is never copied into the repository. */
const collectionsFolder = path.resolve(projectRoot, '../shared/w3c-rdf-tests/sparql');
const suitesFolder = path.join(collectionsFolder, 'sparql11');
const present = existsSync(path.join(suitesFolder, 'manifest-all.ttl')) && existsSync(path.join(collectionsFolder, 'sparql10/manifest-evaluation.ttl'));
const canonicalBase = 'https://w3c.github.io/rdf-tests/sparql/sparql11/';

if (!present) {
  console.log(`W3C SPARQL conformance SKIPPED: ${collectionsFolder} lacks sparql11/ or sparql10/ (clone w3c-rdf-tests to ../shared to run it)`);
}

async function runSuites(source: TestSource): Promise<SuiteOutcome[]> {
  // A child process: rdf-test-suite's fetch machinery and timers stay out of the test runner.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot, 'test/conformance/run-w3c-suites.ts'), `--source=${source}`, collectionsFolder],
    { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024, timeout: 170_000 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) as string) as SuiteOutcome[];
}

function tableRow(outcome: SuiteOutcome): TableRow {
  return {
    suite: outcome.suite,
    kind: outcome.kind,
    run: outcome.tests.length,
    passed: outcome.tests.filter((t) => t.ok).length,
    knownFailures: outcome.tests.filter((t) => !t.ok && t.id in knownFailures).length,
    skipped: outcome.skipped.length,
    reasons: [...new Set(outcome.skipped.map((s) => s.reason))],
  };
}

// Each test's data goes into an N3 store (the reference) and into the shared quad index the query workers read.
describe.skipIf(!present).each(['n3', 'index'] as const)('the W3C SPARQL 1.1 and 1.0 query-evaluation and syntax suites over the %s source', (source) => {
  it("pass against casegraph's engine setup, except the reasoned lists of known failures and out-of-scope tests", async () => {
    const outcomes = await runSuites(source);
    console.log(conformanceTable(`W3C SPARQL conformance, engine over the ${source} source:`, outcomes.map(tableRow)));
    expect(outcomes.map((o) => o.suite)).toEqual(conformanceSuites.map(suiteName));
    for (const outcome of outcomes) {
      expect(outcome.crash, `${outcome.suite} manifest`).toBeUndefined();
      expect(outcome.tests.length + outcome.skipped.length, `${outcome.suite} ran no tests`).toBeGreaterThan(0);
    }
    const tests = outcomes.flatMap((o) => o.tests);
    const failures = tests.filter((t) => !t.ok && !(t.id in knownFailures)).map((t) => `${t.id}: ${t.error}`);
    expect(failures).toEqual([]);
    // A known failure that now passes (or no longer exists) must leave the list, so it never hides a regression.
    const stale = Object.keys(knownFailures).filter((id) => !tests.some((t) => t.id === id && !t.ok));
    expect(stale).toEqual([]);
  }, 180_000);
});

if (!present) {
  describe('the W3C SPARQL query-evaluation and syntax suites', () => {
    it.skip(`were SKIPPED: ${collectionsFolder} lacks the suites`, () => undefined);
  });
}

/** The suites check the engine's rows; these check our own serialisers' bytes against the expected result files. */
describe.skipIf(!present)('the W3C result-format files', () => {
  const engine = casegraphTestEngine();

  async function serialise(suite: string, query: string, data: string, mediaType: string): Promise<string> {
    const base = `${canonicalBase}${suite}/`;
    const quads = new Parser({ baseIRI: base + data }).parse(readFileSync(path.join(suitesFolder, suite, data), 'utf8'));
    const stream = await engine.queryResultFormat!(quads, readFileSync(path.join(suitesFolder, suite, query), 'utf8'), mediaType, {
      baseIRI: base + query,
    });
    const chunks: string[] = [];
    for await (const chunk of stream as AsyncIterable<string | Buffer>) chunks.push(String(chunk));
    return chunks.join('');
  }

  const blankLabels = (text: string) => text.replace(/_:[A-Za-z0-9_.-]+/g, '_:b');

  it.each([
    ['csvtsv01.rq', 'data.ttl', 'csvtsv01.tsv'],
    ['csvtsv02.rq', 'data.ttl', 'csvtsv02.tsv'],
    ['csvtsv01.rq', 'data2.ttl', 'csvtsv03.tsv'],
  ])('TSV of %s over %s is %s', async (query, data, expected) => {
    const ours = await serialise('csv-tsv-res', query, data, 'text/tab-separated-values');
    const theirs = readFileSync(path.join(suitesFolder, 'csv-tsv-res', expected), 'utf8');
    expect(blankLabels(ours).trimEnd()).toBe(blankLabels(theirs).replace(/\r\n/g, '\n').trimEnd());
  });

  it.each([1, 2, 3, 4])('SPARQL JSON of jsonres0%i.rq is its .srj', async (n) => {
    const ours = JSON.parse(await serialise('json-res', `jsonres0${n}.rq`, 'data.ttl', 'application/sparql-results+json'));
    const theirs = JSON.parse(readFileSync(path.join(suitesFolder, 'json-res', `jsonres0${n}.srj`), 'utf8'));
    const normalise = (doc: { results: { bindings: Array<Record<string, { type: string; value: string }>> } }) =>
      JSON.parse(JSON.stringify(doc, (_key, value) => (value?.type === 'bnode' ? { type: 'bnode', value: 'b' } : value)));
    expect(normalise(ours)).toEqual(normalise(theirs));
  });
});
