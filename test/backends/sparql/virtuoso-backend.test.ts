// The same API over the embedded store and over a private Virtuoso: answers compared, the remote store's rules checked.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/app.js';
import { loadConfig, projectRoot } from '../../../src/config/load-config.js';
import { loadQueryCatalog } from '../../../src/queries/index.js';
import { tableSpecs } from '../../../src/tables/index.js';
import { openStore } from '../../../src/backends/open-store.js';
import type { GraphStore } from '../../../src/store/graph-store.js';
import { loadIntoSparql } from '../../../src/backends/open-store.js';
import { startVirtuoso, virtuosoConfig, virtuosoMissing, type PrivateVirtuoso } from '../../helpers/private-virtuoso.js';

const missing = virtuosoMissing();
if (missing) console.warn(`skipping the Virtuoso backend tests: ${missing}`);

describe.skipIf(missing !== undefined)('the sparql backend over Virtuoso', () => {
  let virtuoso: PrivateVirtuoso | undefined;
  let local: GraphStore | undefined;
  let remote: GraphStore | undefined;
  let localApp: FastifyInstance;
  let remoteApp: FastifyInstance;

  beforeAll(async () => {
    const config = loadConfig({}, { workers: 1 });
    virtuoso = await startVirtuoso();
    local = await openStore(config);
    const report = await loadIntoSparql(virtuosoConfig(config, virtuoso));
    expect(report).toMatchObject({ version: local.version, loaded: true, previous: undefined });
    remote = await openStore(virtuosoConfig(config, virtuoso));
    localApp = buildApp({ store: local, config });
    remoteApp = buildApp({ store: remote, config: virtuosoConfig(config, virtuoso) });
    await Promise.all([localApp.ready(), remoteApp.ready()]);
  }, 600_000);

  afterAll(async () => {
    await localApp?.close();
    await remoteApp?.close();
    await virtuoso?.stop();
  }, 60_000);

  it('reads the dataset version, graphs and size from the store catalog', () => {
    expect(remote?.version).toBe(local?.version);
    expect(remote?.graphs).toEqual(local?.graphs);
    expect(remote?.size).toBe(local?.size);
  });

  // Entity pages, person documents, citations, saved queries, dumps and the description: byte for byte.
  const same = [
    '/id/person/gulmire-imin.ttl',
    '/id/person/gulmire-imin.jsonld',
    '/id/person/gulmire-imin.html',
    '/ontology.ttl',
    '/',
    '/api/persons',
    '/api/persons/gulmire-imin',
    '/api/persons/gulmire-imin/citations',
    '/api/persons/gulmire-imin/claims',
    '/api/queries/persons/list',
    '/api/queries/persons/timeline?person=id/person/gulmire-imin',
    '/api/queries/events/per-year',
    '/dumps/casegraph.nt',
    '/dumps/persons.csv',
    '/.well-known/void',
  ];
  // Every saved query that runs without a parameter given, and every tidy table: the researchers' and journalists' API.
  const catalog = loadQueryCatalog(projectRoot, loadConfig({}).baseIri);
  same.push(
    ...catalog.queries.filter((q) => q.parameters.every((p) => !p.required || p.default !== undefined)).map((q) => `/api/queries/${q.name}`),
    ...tableSpecs.map((t) => `/api/tables/${t.name}.csv`),
  );
  // Rows a saved query leaves unordered (no ORDER BY, or ties) come in each store's own order, and so do the parts of
  // a GROUP_CONCAT: those answers are compared as sets of rows, each concatenation as a set of parts.
  const concatenated: Readonly<Record<string, string>> = { sources: '; ', excerpts: ' ... ' };
  // A boolean the query computes (`BIND(true AS ?supports)`) comes back from Virtuoso as the integer 1 or 0 (README,
  // "What differs between backends"); stored booleans come back as booleans.
  const computedBooleans = new Set(['supports']);
  const rowSet = (body: string): { rest: unknown; rows: string[] } => {
    const { rows, ...rest } = JSON.parse(body) as { rows: Array<Record<string, unknown>> };
    const normal = rows.map((row) =>
      JSON.stringify(
        Object.fromEntries(
          Object.entries(row).map(([k, v]) => [
            k,
            typeof v === 'string' && concatenated[k]
              ? v.split(concatenated[k]).sort().join(concatenated[k])
              : computedBooleans.has(k) && typeof v === 'number'
                ? v === 1
                : v,
          ]),
        ),
      ),
    );
    return { rest, rows: normal.sort() };
  };
  for (const url of same) {
    it(`answers ${url} as the embedded store does`, async () => {
      const [a, b] = await Promise.all([localApp.inject({ url }), remoteApp.inject({ url })]);
      expect(b.statusCode, b.body.slice(0, 300)).toBe(a.statusCode);
      if (url.startsWith('/api/queries/') && b.body !== a.body) {
        expect(rowSet(b.body)).toEqual(rowSet(a.body));
        return;
      }
      expect(b.headers.etag).toBe(a.headers.etag);
      expect(b.body).toBe(a.body);
    }, 120_000);
  }

  // The README's researcher's guide: ten ordinary queries through /sparql, as a researcher sends them.
  const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
  const guide = readme.slice(readme.indexOf('<!-- guide:start -->'), readme.indexOf('<!-- guide:end -->'));
  const guideQueries = [...guide.matchAll(/### (.+)\n[\s\S]*?```sparql\n([\s\S]*?)\n```/g)].map((m) => ({ title: m[1] as string, query: m[2] as string }));
  it('has the guide’s ten queries to compare', () => expect(guideQueries).toHaveLength(10));
  for (const { title, query } of guideQueries) {
    it(`answers the guide’s “${title}” as the embedded store does`, async () => {
      const url = `/sparql?query=${encodeURIComponent(query)}`;
      const headers = { accept: 'application/sparql-results+json' };
      const [a, b] = await Promise.all([localApp.inject({ url, headers }), remoteApp.inject({ url, headers })]);
      expect(b.statusCode, b.body.slice(0, 300)).toBe(a.statusCode);
      const rows = (body: string) => {
        const json = JSON.parse(body) as { head: { vars: string[] }; results: { bindings: unknown[] } };
        // A binding's members are a set: each store writes them in its own order.
        return {
          vars: json.head.vars,
          rows: json.results.bindings.map((r) => JSON.stringify(Object.entries(r as object).sort(([x], [y]) => (x < y ? -1 : 1)))),
        };
      };
      // The guide's queries order their rows fully, so the order must agree too.
      expect(rows(b.body)).toEqual(rows(a.body));
    }, 120_000);
  }

  it('answers a SPARQL SELECT over the union of our graphs only, never the server’s own graphs', async () => {
    const query = encodeURIComponent('SELECT (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }');
    const [a, b] = await Promise.all(
      [localApp, remoteApp].map((app) => app.inject({ url: `/sparql?query=${query}`, headers: { accept: 'application/sparql-results+json' } })),
    );
    const count = (body: string) => Number(JSON.parse(body).results.bindings[0].graphs.value);
    expect(count(b!.body)).toBe(local?.graphs.length);
    expect(count(b!.body)).toBe(count(a!.body));
  }, 60_000);

  it('stops a query at our deadline (the HTTP call is cancelled) and answers 503, never a partial answer', async () => {
    // About 17 s on Virtuoso here (a larger cross product it refuses up front, by its own cost estimate).
    const heavy = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(STRLEN(CONCAT(STR(?c), STR(?f))) > 3) }';
    const started = Date.now();
    const response = await remoteApp.inject({ url: `/sparql?query=${encodeURIComponent(heavy)}&timeout=0.5` });
    expect(response.statusCode).toBe(503);
    expect(response.body).toMatch(/ran past its time limit/);
    expect(Date.now() - started).toBeLessThan(10_000);
    // The store is still there for the next request.
    expect((await remoteApp.inject({ url: `/sparql?query=${encodeURIComponent('ASK { ?s ?p ?o }')}` })).statusCode).toBe(200);
  }, 60_000);

  it('says why when the store refuses a query itself (Virtuoso’s cost estimate), with 503', async () => {
    const huge = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }';
    const response = await remoteApp.inject({ url: `/sparql?query=${encodeURIComponent(huge)}` });
    expect(response.statusCode).toBe(503);
    expect(response.body).toMatch(/the store answered HTTP 500 \(Virtuoso 42000 Error The estimated execution time/);
  }, 60_000);

  it('refuses SERVICE after parsing, before anything is sent', async () => {
    const query = encodeURIComponent('SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }');
    const response = await remoteApp.inject({ url: `/sparql?query=${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/SERVICE is not accepted/);
  });

  it('refuses a FROM that names a graph that is not ours', async () => {
    const query = encodeURIComponent('SELECT * WHERE { ?s ?p ?o } LIMIT 1');
    const response = await remoteApp.inject({
      url: `/sparql?query=${encodeURIComponent('SELECT * FROM <http://www.openlinksw.com/schemas/virtrdf#> WHERE { ?s ?p ?o } LIMIT 1')}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/only casegraph's own graphs/);
    expect((await remoteApp.inject({ url: `/sparql?query=${query}` })).statusCode).toBe(200);
  });

  it('answers 503 with a clear message, not a hang, when the store is gone', async () => {
    const config = loadConfig({}, { workers: 1 });
    const gone = await openStore(virtuosoConfig(config, virtuoso as PrivateVirtuoso));
    const app = buildApp({ store: gone, config });
    await app.ready();
    try {
      await virtuoso?.stop();
      virtuoso = undefined;
      const started = Date.now();
      const response = await app.inject({ url: `/sparql?query=${encodeURIComponent('ASK { ?s ?p ?o }')}` });
      expect(response.statusCode).toBe(503);
      expect(response.body).toMatch(/graph store is unavailable: the store could not be reached/);
      expect(Date.now() - started).toBeLessThan(config.queryTimeoutMs);
    } finally {
      await app.close();
    }
  }, 60_000);
});
