// Runs the W3C SPARQL 1.1 query-evaluation suites through rdf-test-suite against casegraph's engine; prints JSON results.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { TestSuiteRunner } from 'rdf-test-suite';
import { casegraphTestEngine } from './casegraph-test-engine.js';
import type { TestSource } from './casegraph-test-engine.js';
import { conformanceSuites } from './conformance-suites.js';

/** Where the suites live on the W3C site: test IRIs are reported relative to it, whatever served them. */
const canonicalBase = 'https://w3c.github.io/rdf-tests/sparql/sparql11/';

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
  readonly suite: string;
  /** Test IRI relative to the suites' base, e.g. `bind/manifest#bind01`, and whether it passed. */
  readonly tests: ReadonlyArray<{ readonly id: string; readonly ok: boolean; readonly error?: string }>;
  /** Set when the manifest itself could not be run. */
  readonly crash?: string;
}

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
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function relativeId(uri: string, servedAt: string): string {
  for (const base of [servedAt, canonicalBase, 'http://www.w3.org/2009/sparql/docs/tests/data-sparql11/']) {
    if (uri.startsWith(base)) return uri.slice(base.length);
  }
  return uri;
}

/**
 * Suites whose data the runner can only read over HTTP: it cannot tell RDF/XML (`.rdf`) from a file name.
 * The others are read through a URL-to-folder mapping, because some manifests (aggregates, functions)
 * never finish when fetched over HTTP with rdf-test-suite 2.8.
 */
const servedSuites: ReadonlySet<string> = new Set(['subquery']);

export async function runW3cSuites(folder: string, suites: readonly string[], source: TestSource = 'n3'): Promise<SuiteOutcome[]> {
  const absolute = path.resolve(folder);
  const served = await serveFolder(absolute);
  const engine = casegraphTestEngine(source);
  const outcomes: SuiteOutcome[] = [];
  try {
    for (const suite of suites) {
      const overHttp = servedSuites.has(suite);
      try {
        const manifest = `${overHttp ? served.url : canonicalBase}${suite}/manifest.ttl`;
        const results = await new TestSuiteRunner().runManifest(manifest, engine, {
          exitWithStatusCode0: true,
          outputFormat: 'summary',
          timeOutDuration: 20_000,
          customEngingeOptions: {},
          ...(overHttp ? {} : { urlToFileMapping: `${canonicalBase}~${absolute}/` }),
        });
        outcomes.push({
          suite,
          tests: results.map((r) => ({
            id: relativeId(r.test.uri, served.url),
            ok: r.ok,
            ...(r.ok ? {} : { error: String(r.error?.message ?? r.error).split('\n')[0] }),
          })),
        });
      } catch (error) {
        outcomes.push({ suite, tests: [], crash: String((error as Partial<Error> | undefined)?.message ?? error) });
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
  if (!folder) throw new Error('usage: run-w3c-suites.ts [--source=index] SPARQL11_FOLDER [SUITE ...]');
  const suites = named.length > 0 ? named : conformanceSuites;
  const outcomes = await runW3cSuites(folder, suites, source);
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
}
