// W3C SPARQL 1.1 Protocol tests that concern queries, and the service-description tests, run by rdf-test-suite against casegraph listening on loopback.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Parser } from 'n3';
import { TestSuiteRunner } from 'rdf-test-suite';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig, projectRoot, type Config } from '../../src/config/load-config.js';
import type { GraphStore, QueryRequest } from '../../src/store/graph-store.js';
import { openLocalStore } from '../../src/backends/local/open-local-store.js';
import { requiredQueryFolders } from '../helpers/synthetic-app.js';
import { conformanceTable } from './conformance-table.js';

/** The suites' data, outside the repository (never copied in). */
const suitesFolder = path.resolve(projectRoot, '../shared/w3c-rdf-tests/sparql/sparql11');
const present = existsSync(path.join(suitesFolder, 'protocol/manifest.ttl')) && existsSync(path.join(suitesFolder, 'service-description/manifest.ttl'));
const canonicalBase = 'https://w3c.github.io/rdf-tests/sparql/sparql11/';

/**
 * Skipped: the seven update_* tests exercise SPARQL Update, which this read-only endpoint refuses by design
 * (its refusal is tested by the seven bad_update_* tests, which run). Everything about queries runs.
 */
const skip = /#update_/;

/**
 * Test-only loading. Six query tests name their data (ut:graphData) and the runner loads it with
 * `DROP SILENT ALL ; INSERT DATA { GRAPH <g> { ... } ... }`. The public server has no write path at all,
 * so this harness (test code only, never reachable from src/) answers exactly that request by writing the
 * graphs as a TriG file and opening a fresh store on it; every other request goes to the real routes.
 */
class ReloadableStore implements GraphStore {
  constructor(private current: GraphStore) {}
  get version() {
    return this.current.version;
  }
  get baseIri() {
    return this.current.baseIri;
  }
  get size() {
    return this.current.size;
  }
  get graphs() {
    return this.current.graphs;
  }
  match(pattern: Parameters<GraphStore['match']>[0]) {
    return this.current.match(pattern);
  }
  matchStream(pattern: Parameters<GraphStore['matchStream']>[0]) {
    return this.current.matchStream(pattern);
  }
  query(request: QueryRequest) {
    return this.current.query(request);
  }
  close() {
    return this.current.close();
  }
  async replace(next: GraphStore): Promise<void> {
    const previous = this.current;
    this.current = next;
    await previous.close();
  }
}

const loaderForm = /^DROP SILENT ALL ;\s*INSERT DATA \{([\s\S]*)\}\s*$/;

function installTestLoader(app: FastifyInstance, store: ReloadableStore, config: Config): void {
  app.addHook('preParsing', async (request, reply, payload) => {
    if (request.method !== 'POST' || request.headers['content-type'] !== 'application/sparql-update') return payload;
    const chunks: Buffer[] = [];
    for await (const chunk of payload) chunks.push(Buffer.from(chunk as Buffer));
    const body = Buffer.concat(chunks);
    const load = loaderForm.exec(body.toString('utf8'));
    if (!load) return Readable.from([body]);
    // The block inside INSERT DATA is TriG as it stands (GRAPH <g> { triples }); parsing it first keeps bad input out.
    new Parser({ format: 'application/trig' }).parse(load[1]!);
    writeFileSync(path.join(config.root, 'data/loaded.trig'), load[1]!);
    await store.replace(await openLocalStore(config));
    await reply.code(204).send();
    return payload;
  });
}

/** A port free a moment ago; only this test binds loopback ports it picks, so no other process takes it meanwhile. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

let app: FastifyInstance;
let endpoint: string;
let root: string;
beforeAll(async () => {
  if (!present) return;
  root = mkdtempSync(path.join(tmpdir(), 'casegraph-protocol-'));
  mkdirSync(path.join(root, 'data'));
  // Saved queries some routes require at startup come along.
  for (const folder of requiredQueryFolders) cpSync(path.join(projectRoot, folder), path.join(root, folder), { recursive: true });
  const config = loadConfig({}, { root, dataDirs: ['data'], baseIri: 'http://example.test/', workers: 1 });
  const store = new ReloadableStore(await openLocalStore(config));
  app = buildApp({ store, config });
  installTestLoader(app, store, config);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  endpoint = `${base}/sparql`;
});
afterAll(async () => {
  await app?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the W3C SPARQL 1.1 protocol tests', () => {
  if (!present) {
    it.skip(`were SKIPPED: no test data at ${suitesFolder}`, () => undefined);
    // Said plainly in the run's output as well, not only as a skipped test.
    console.warn(`W3C protocol conformance SKIPPED: ${suitesFolder} is absent`);
    return;
  }

  it('that concern queries all pass against the running server', async () => {
    const unused = () => {
      throw new Error('protocol tests talk to the endpoint, not to an engine');
    };
    const results = await new TestSuiteRunner().runManifest(
      `${canonicalBase}protocol/manifest.ttl`,
      { parse: unused, query: unused },
      {
        exitWithStatusCode0: true,
        outputFormat: 'summary',
        timeOutDuration: 30_000,
        customEngingeOptions: { protocolEndpoint: endpoint },
        urlToFileMapping: `${canonicalBase}~${suitesFolder}/`,
        skipRegex: skip,
      },
    );
    const outcome = (r: (typeof results)[number]) =>
      `${r.test.uri.replace(/^.*#/, '')}: ${
        r.ok
          ? 'passed'
          : r.skipped
            ? 'skipped'
            : `FAILED ${String((r.error as Partial<Error> | undefined)?.message ?? r.error)
                .split('\n')
                .slice(0, 6)
                .join(' | ')}`
      }`;
    const lines = results.map(outcome);
    console.info(`W3C protocol tests:\n  ${lines.join('\n  ')}`);
    const failed = lines.filter((l) => l.includes('FAILED'));
    expect(failed).toEqual([]);
    // 34 entries in the manifest: the runner drops the 7 skipped update_* tests; the 27 left (all 14 negative
    // cases among them) concern queries and must all pass.
    const passed = results.filter((r) => r.ok && !r.skipped);
    expect(results.filter((r) => r.test.uri.includes('#update_'))).toEqual([]);
    expect(passed).toHaveLength(27);
    expect(passed.filter((r) => r.test.uri.includes('#bad_'))).toHaveLength(14);
    console.log(
      conformanceTable('W3C SPARQL conformance, against the listening server:', [
        {
          suite: 'sparql11/protocol',
          kind: 'protocol',
          run: results.length,
          passed: passed.length,
          knownFailures: 0,
          skipped: 7,
          reasons: ['update_*: SPARQL Update, which this read-only endpoint refuses by design'],
        },
      ]),
    );
  }, 120_000);

  it('for the service description all pass against a server whose base IRI is where it listens', async () => {
    // sd:endpoint names the deployment's public endpoint ({BASE_IRI}sparql), which the tests expect to be the URL they
    // read; so this server's base IRI is its own loopback address, as a deployment's is its public one.
    const port = await freePort();
    const config = loadConfig({}, { root, dataDirs: ['data'], baseIri: `http://127.0.0.1:${port}/`, workers: 1 });
    const described = buildApp({ store: await openLocalStore(config), config });
    const describedEndpoint = `${await described.listen({ host: '127.0.0.1', port })}/sparql`;
    const unused = () => {
      throw new Error('service-description tests read the endpoint, not an engine');
    };
    let results: Awaited<ReturnType<TestSuiteRunner['runManifest']>>;
    try {
      results = await new TestSuiteRunner().runManifest(
        `${canonicalBase}service-description/manifest.ttl`,
        { parse: unused, query: unused },
        {
          exitWithStatusCode0: true,
          outputFormat: 'summary',
          timeOutDuration: 30_000,
          customEngingeOptions: { serviceDescriptionEndpoint: describedEndpoint },
          urlToFileMapping: `${canonicalBase}~${suitesFolder}/`,
        },
      );
    } finally {
      await described.close();
    }
    const failed = results.filter((r) => !r.ok).map((r) => `${r.test.uri}: ${String((r.error as Partial<Error> | undefined)?.message ?? r.error)}`);
    expect(failed).toEqual([]);
    expect(results).toHaveLength(3);
    console.log(
      conformanceTable('W3C SPARQL conformance, against the listening server:', [
        {
          suite: 'sparql11/service-description',
          kind: 'service description',
          run: results.length,
          passed: results.length,
          knownFailures: 0,
          skipped: 0,
          reasons: [],
        },
      ]),
    );
  }, 60_000);
});
