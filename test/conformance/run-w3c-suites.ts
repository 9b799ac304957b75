// Runs the W3C SPARQL 1.1 and 1.0 query-evaluation and syntax suites through rdf-test-suite against casegraph's engine; prints JSON results.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { TestSuiteRunner } from 'rdf-test-suite';
import { casegraphTestEngine } from './casegraph-test-engine.js';
import type { TestSource } from './casegraph-test-engine.js';
import { conformanceSuites, suiteName } from './conformance-suites.js';
import type { Collection, ConformanceSuite } from './conformance-suites.js';
import { outOfScopeReason } from './skipped-tests.js';

/** Where the suites live on the W3C site: test ids are reported relative to it, whatever served them. */
const canonicalBase = 'https://w3c.github.io/rdf-tests/sparql/';

/** The IRIs the manifests give their tests, before the suites moved to w3c.github.io. */
const legacyBases: Readonly<Record<Collection, string>> = {
  sparql11: 'http://www.w3.org/2009/sparql/docs/tests/data-sparql11/',
  sparql10: 'http://www.w3.org/2001/sw/DataAccess/tests/data-r2/',
};

const mediaTypes: Readonly<Record<string, string>> = {
  '.ttl': 'text/turtle',
  '.rdf': 'application/rdf+xml',
  '.rq': 'application/sparql-query',
  '.srx': 'application/sparql-results+xml',
  '.srj': 'application/sparql-results+json',
  '.csv': 'text/csv',
  '.tsv': 'text/tab-separated-values',
};

export interface SuiteOutcome {
  /** `collection/folder`, e.g. `sparql10/open-world`. */
  readonly suite: string;
  readonly kind: ConformanceSuite['kind'];
  /** Test id (`sparql10/open-world/manifest#open-eq-07`) and whether it passed. */
  readonly tests: ReadonlyArray<{ readonly id: string; readonly ok: boolean; readonly error?: string }>;
  /** Tests not run because they are out of scope by design, with the reason. */
  readonly skipped: ReadonlyArray<{ readonly id: string; readonly reason: string }>;
  /** Set when the manifest itself could not be run. */
  readonly crash?: string;
}

/** A manifest whose subject is `[]` cannot be found by its own URL; served with `<>` instead, it is the same manifest. */
const blankManifest = /^\[\](\s+(?:rdf:type|a)\s+mf:Manifest)/m;

/** Serves the suites' folder read-only on loopback, with media types, because the runner cannot guess `.rdf` from a file. */
async function serveFolder(folder: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const relative = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = path.join(folder, path.normalize(relative));
    if (!file.startsWith(folder) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': mediaTypes[path.extname(file)] ?? 'application/octet-stream' });
    if (path.basename(file) === 'manifest.ttl') response.end(readFileSync(file, 'utf8').replace(blankManifest, '<>$1'));
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function relativeId(uri: string, collection: Collection, servedAt: string): string {
  for (const base of [`${servedAt}${collection}/`, `${canonicalBase}${collection}/`, legacyBases[collection]]) {
    if (uri.startsWith(base)) return `${collection}/${uri.slice(base.length)}`;
  }
  return uri;
}

/**
 * rdf-test-suite skips by a RegExp over test IRIs; this one asks the out-of-scope list by test id instead, and
 * notes what it skipped so the table can count it.
 */
class OutOfScopeTests extends RegExp {
  readonly skipped: Array<{ id: string; reason: string }> = [];

  constructor(private readonly toId: (uri: string) => string) {
    super('(?!)');
  }

  override test(uri: string): boolean {
    const id = this.toId(uri);
    const reason = outOfScopeReason(id);
    if (reason !== undefined && !this.skipped.some((s) => s.id === id)) this.skipped.push({ id, reason });
    return reason !== undefined;
  }
}

/** `folder` holds the collections (`sparql11/`, `sparql10/`), as ../shared/w3c-rdf-tests/sparql does. */
export async function runW3cSuites(folder: string, suites: readonly ConformanceSuite[], source: TestSource = 'n3'): Promise<SuiteOutcome[]> {
  const absolute = path.resolve(folder);
  const served = await serveFolder(absolute);
  const engine = casegraphTestEngine(source);
  const outcomes: SuiteOutcome[] = [];
  try {
    for (const suite of suites) {
      const { collection } = suite;
      const toId = (uri: string) => relativeId(uri, collection, served.url);
      const skip = new OutOfScopeTests(toId);
      const base = `${suite.overHttp ? served.url : canonicalBase}${collection}/`;
      try {
        const results = await new TestSuiteRunner().runManifest(`${base}${suite.folder}/manifest.ttl`, engine, {
          exitWithStatusCode0: true,
          outputFormat: 'summary',
          timeOutDuration: 20_000,
          customEngingeOptions: {},
          skipRegex: skip,
          ...(suite.overHttp ? {} : { urlToFileMapping: `${base}~${absolute}/${collection}/` }),
        });
        outcomes.push({
          suite: suiteName(suite),
          kind: suite.kind,
          tests: results.map((r) => ({
            id: toId(r.test.uri),
            ok: r.ok,
            ...(r.ok ? {} : { error: String(r.error?.message ?? r.error).split('\n')[0] }),
          })),
          skipped: skip.skipped,
        });
      } catch (error) {
        outcomes.push({
          suite: suiteName(suite),
          kind: suite.kind,
          tests: [],
          skipped: [],
          crash: String((error as Partial<Error> | undefined)?.message ?? error),
        });
      }
    }
  } finally {
    await served.close();
  }
  return outcomes;
}

// As a script: `node --import tsx test/conformance/run-w3c-suites.ts [--source=index] FOLDER [SUITE ...]` prints the outcomes as one JSON line.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const args = process.argv.slice(2);
  const source: TestSource = args.includes('--source=index') ? 'index' : 'n3';
  const [folder, ...named] = args.filter((arg) => !arg.startsWith('--source='));
  if (!folder) throw new Error('usage: run-w3c-suites.ts [--source=index] SPARQL_FOLDER [COLLECTION/FOLDER ...]');
  const suites = named.length > 0 ? conformanceSuites.filter((s) => named.includes(suiteName(s))) : conformanceSuites;
  const outcomes = await runW3cSuites(folder, suites, source);
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
}
