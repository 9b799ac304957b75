import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/load-config.js';
import { DataError, QueryTimeoutError } from '../../src/errors/casegraph-error.js';
import { loadQueryCatalog } from '../../src/queries/load-query-catalog.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { openLocalStore } from '../../src/backends/local/open-local-store.js';

const config = loadConfig({}, { workers: 1 });
const base = config.baseIri;

/** A catalog of the shipped queries plus test-only ones (small pages, a required parameter). */
function testCatalog() {
  const root = mkdtempSync(path.join(tmpdir(), 'casegraph-api-'));
  const byCharge = readFileSync(path.join(config.root, 'queries/persons/by-charge.rq'), 'utf8').replace('#+ pagination: 100', '#+ pagination: 1');
  const files: Record<string, string> = {
    'test/charges-one-per-page.rq': byCharge,
    'test/events-of.rq': '#+ summary: Events of a person\nPREFIX cg: <ontology#>\nSELECT ?event WHERE { ?event cg:concernsPerson ?_person_iri } ORDER BY ?event\n',
    'test/after-year.rq': '#+ summary: Dated events of persons after a year\nPREFIX cg: <ontology#>\nPREFIX dct: <http://purl.org/dc/terms/>\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\nSELECT ?event ?date WHERE { ?event cg:concernsPerson ?person ; dct:date ?date . FILTER(xsd:integer(SUBSTR(STR(?date), 1, 4)) > ?_year_integer) } ORDER BY ?event\n',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, 'queries', file)), { recursive: true });
    writeFileSync(path.join(root, 'queries', file), text);
  }
  const shipped = loadQueryCatalog(config.root, base);
  const extra = loadQueryCatalog(root, base);
  const queries = [...shipped.queries, ...extra.queries];
  return { queries, get: (name: string) => queries.find((q) => q.name === name) };
}

let app: FastifyInstance;
let store: GraphStore;
beforeAll(async () => {
  store = await openLocalStore(config);
  app = buildApp({ store, config, catalog: testCatalog() });
  await app.ready();
});
afterAll(async () => app?.close());

const get = (url: string, accept?: string) => app.inject({ url, headers: accept ? { accept } : {} });

describe('GET /api/queries', () => {
  it('lists every saved query with its parameters and links', async () => {
    const response = await get('/api/queries');
    expect(response.statusCode).toBe(200);
    const { queries, datasetVersion } = response.json();
    expect(datasetVersion).toBe(store.version);
    const byCharge = queries.find((q: { name: string }) => q.name === 'persons/by-charge');
    expect(byCharge).toMatchObject({
      summary: 'Persons by charge',
      variables: ['person', 'name', 'charge', 'chargeLabel'],
      tags: ['persons', 'charges'],
      pageSize: 100,
      href: `${base}api/queries/persons/by-charge`,
      sparql: `${base}api/queries/persons/by-charge.rq`,
    });
    expect(byCharge.parameters).toEqual([
      {
        name: 'charge',
        required: false,
        type: 'iri',
        values: [
          'endangering-state-security',
          'inciting-racial-hatred-or-discrimination-inciting-splittism',
          'inciting-separatism',
          'leaking-state-secrets',
          'organizing-an-illegal-demonstration',
          'splittism',
        ].map((c) => `${base}id/concept/charge/${c}`),
      },
    ]);
    const timeline = queries.find((q: { name: string }) => q.name === 'persons/timeline');
    expect(timeline.parameters).toEqual([{ name: 'person', required: false, type: 'iri', default: 'id/person/gulmire-imin' }]);
  });
});

describe('running a saved query', () => {
  it('answers the flat JSON shape by default', async () => {
    const response = await get('/api/queries/persons/by-provision?provision=id/legal/udhr-article-10');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers.vary).toMatch(/Accept/);
    const body = response.json();
    expect(body).toMatchObject({
      query: 'persons/by-provision',
      datasetVersion: store.version,
      parameters: { provision: `${base}id/legal/udhr-article-10` },
      page: 1,
      pageSize: 100,
      hasNextPage: false,
      truncated: false,
    });
    expect(body.rows).toEqual([
      expect.objectContaining({ provision: `${base}id/legal/udhr-article-10`, article: '10', name: 'Gulmire Imin', instrumentLabel: 'Universal Declaration of Human Rights' }),
    ]);
  });

  it('gives numbers as JSON numbers and unbound values as null', async () => {
    const body = (await get('/api/queries/events/by-type?type=ontology%23Detention')).json();
    expect(body.rows[0].date).toBeNull();
    const perYear = (await get('/api/queries/events/per-year')).json();
    // The earliest dated event: Nurmuhammet Yasin's arrest in 2004.
    expect(perYear.rows[0]).toMatchObject({ year: 2004, events: 1 });
  });

  it('answers CSV by Accept and by the .csv suffix, which parses back to the same rows', async () => {
    const json = (await get('/api/queries/persons/found-arbitrarily-detained')).json();
    for (const response of [await get('/api/queries/persons/found-arbitrarily-detained', 'text/csv'), await get('/api/queries/persons/found-arbitrarily-detained.csv')]) {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      const parsed = Papa.parse<Record<string, string>>(response.body.trim(), { header: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.meta.fields).toEqual(json.variables);
      expect(parsed.data.map((r) => r.article)).toEqual(['8', '9', '10', '19']);
      expect(parsed.data.map((r) => r.bodyName)).toEqual(json.rows.map((r: { bodyName: string }) => r.bodyName));
    }
  });

  it('answers SPARQL JSON on request', async () => {
    const response = await get('/api/queries/awards/list', 'application/sparql-results+json');
    expect(response.headers['content-type']).toBe('application/sparql-results+json; charset=utf-8');
    const body = response.json();
    expect(body.head.vars).toContain('awardLabel');
    expect(body.results.bindings[0].date).toEqual({ type: 'literal', value: '2012-12', datatype: 'http://www.w3.org/2001/XMLSchema#gYearMonth' });
  });

  it('serves the SPARQL behind it with the .rq suffix', async () => {
    const response = await get('/api/queries/persons/timeline.rq');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/sparql-query; charset=utf-8');
    expect(response.body).toBe(readFileSync(path.join(config.root, 'queries/persons/timeline.rq'), 'utf8'));
  });
});

describe('a paginated query', () => {
  it('gives one page at a time with first, prev and next links', async () => {
    // The same query unpaged (100 rows a page) gives the order the one-row pages must follow.
    const all: string[] = (await get("/api/queries/persons/by-charge")).json().rows.map((r: { chargeLabel: string }) => r.chargeLabel);
    expect(all.length).toBeGreaterThan(3);
    const first = await get('/api/queries/test/charges-one-per-page');
    expect(first.json().rows.map((r: { chargeLabel: string }) => r.chargeLabel)).toEqual([all[0]]);
    expect(first.json().hasNextPage).toBe(true);
    expect(first.headers.link).toBe(
      `<${base}api/queries/test/charges-one-per-page>; rel="first", <${base}api/queries/test/charges-one-per-page?page=2>; rel="next"`,
    );
    const second = await get('/api/queries/test/charges-one-per-page?page=2');
    expect(second.json().rows.map((r: { chargeLabel: string }) => r.chargeLabel)).toEqual([all[1]]);
    expect(second.headers.link).toContain('rel="prev"');
    expect(second.headers.link).toContain('?page=3>; rel="next"');
    const last = await get(`/api/queries/test/charges-one-per-page?page=${all.length}`);
    expect(last.json()).toMatchObject({ page: all.length, hasNextPage: false });
    expect(last.json().rows.map((r: { chargeLabel: string }) => r.chargeLabel)).toEqual([all.at(-1)]);
    expect(last.headers.link).not.toContain('rel="next"');
    const beyond = await get(`/api/queries/test/charges-one-per-page?page=${all.length + 1}`);
    expect(beyond.json().rows).toEqual([]);
  });

  it('keeps the other parameters in its links', async () => {
    const response = await get('/api/queries/test/charges-one-per-page?charge=id/concept/charge/splittism');
    expect(response.headers.link).toBe(`<${base}api/queries/test/charges-one-per-page?charge=id%2Fconcept%2Fcharge%2Fsplittism>; rel="first"`);
  });
});

describe('bad parameters', () => {
  it.each([
    ['a missing required parameter', '/api/queries/test/events-of', /parameter "person" is required \(iri\)/],
    ['a malformed integer', '/api/queries/test/after-year?year=twenty', /parameter "year" must be an integer; got "twenty"/],
    ['an unknown parameter', '/api/queries/persons/by-charge?chrage=x', /unknown parameter "chrage" for query persons\/by-charge; it takes charge/],
    ['a repeated parameter', '/api/queries/persons/by-charge?charge=a&charge=b', /parameter "charge" is given more than once/],
    ['a value outside the enumeration', '/api/queries/persons/by-charge?charge=id/concept/charge/jaywalking', /parameter "charge" must be one of the values in the data/],
    ['a page that is not a number', '/api/queries/persons/by-charge?page=0', /parameter "page" must be a whole number from 1/],
    ['a page on an unpaginated query', '/api/queries/events/per-year?page=2', /is not paginated/],
    ['an IRI with spaces', '/api/queries/test/events-of?person=a%20b', /parameter "person" must be an http\(s\) IRI/],
  ])('%s answers 400 naming the parameter', async (_case, url, message) => {
    const response = await get(url);
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(message);
    expect(response.body.trim().split('\n')).toHaveLength(1);
  });

  it('binds an integer as a typed literal that really filters', async () => {
    const rows = (await get('/api/queries/test/after-year?year=2011')).json().rows;
    expect(rows.map((r: { date: string }) => r.date).sort()).toEqual(['2012-03', '2012-12']);
  });

  it('binds an injection attempt as a literal: no extra rows', async () => {
    const attempt = encodeURIComponent('x" } UNION { ?s ?p ?o } #');
    const response = await get(`/api/queries/persons/search-by-name?name=${attempt}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().rows).toEqual([]);
    expect(response.json().parameters).toEqual({ name: 'x" } UNION { ?s ?p ?o } #' });
  });
});

describe('the values a parameter takes from the data', () => {
  // A fresh app each time: the values are read once per app, on first use.
  async function freshApp(): Promise<FastifyInstance> {
    // The app closes the store it is given; this one shares the file's store, so its close must not.
    const shared = new Proxy(store, { get: (target, key) => (key === 'close' ? async () => undefined : Reflect.get(target, key)) });
    const fresh = buildApp({ store: shared, config, catalog: testCatalog() });
    await fresh.ready();
    return fresh;
  }
  const splittism = `/api/queries/persons/by-charge?charge=${encodeURIComponent(`${base}id/concept/charge/splittism`)}`;

  it('are read again after a failed read, instead of failing every later request', async () => {
    const fresh = await freshApp();
    const query = vi.spyOn(store, 'query').mockRejectedValueOnce(new QueryTimeoutError('the query was stopped at its deadline of 1 ms'));
    try {
      expect((await fresh.inject({ url: splittism })).statusCode).toBe(503);
      expect((await fresh.inject({ url: splittism })).statusCode).toBe(200);
    } finally {
      query.mockRestore();
      await fresh.close();
    }
  });
});

describe('an unknown query or format', () => {
  it('answers 404 for a query that does not exist', async () => {
    const response = await get('/api/queries/persons/nobody');
    expect(response.statusCode).toBe(404);
    expect(response.body).toMatch(/no saved query named "persons\/nobody"/);
  });

  it('answers 406 for a media type it cannot give', async () => {
    expect((await get('/api/queries/awards/list', 'image/png')).statusCode).toBe(406);
  });
});

describe('a bad query file at startup', () => {
  it('stops the app being built, naming file and line', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'casegraph-badq-'));
    mkdirSync(path.join(root, 'queries'));
    writeFileSync(path.join(root, 'queries/broken.rq'), '#+ summary: Broken\nSELECT * WHERE {\n  ?s ?p\n}\n');
    expect(() => buildApp({ store, config: { ...config, root } })).toThrow(DataError);
    try {
      buildApp({ store, config: { ...config, root } });
    } catch (error) {
      expect((error as DataError).describe()).toMatch(/^queries\/broken\.rq:4:\d+: /);
    }
  });
});

describe('the OpenAPI document', () => {
  it('describes every saved query as an operation, with its parameters', async () => {
    const openapi = (await get('/openapi.json')).json();
    for (const query of testCatalog().queries) {
      const operation = openapi.paths[`/api/queries/${query.name}`]?.get;
      expect(operation?.summary).toBe(query.summary);
      expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual([...query.parameters.map((p) => p.name), ...(query.pageSize ? ['page'] : [])]);
    }
    const charge = openapi.paths['/api/queries/persons/by-charge'].get.parameters[0];
    expect(charge.description).toMatch(/Accepted values are those in the data, listed by GET \/api\/queries/);
    const rows = openapi.paths['/api/queries/persons/by-charge'].get.responses['200'].content['application/json'].schema.allOf[1].properties.rows;
    expect(rows.items.required).toEqual(['person', 'name', 'charge', 'chargeLabel']);
  });

  it('has schemas that the answers satisfy', async () => {
    const openapi = (await get('/openapi.json')).json();
    const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
    const validator = (name: string) => ajv.compile({ components: openapi.components, $ref: `#/components/schemas/${name}` });
    const answer = validator('SavedQueryAnswer');
    const list = validator('SavedQueryList');
    expect(answer((await get('/api/queries/persons/timeline')).json()), JSON.stringify(answer.errors)).toBe(true);
    expect(answer((await get('/api/queries/events/per-year')).json()), JSON.stringify(answer.errors)).toBe(true);
    expect(list((await get('/api/queries')).json()), JSON.stringify(list.errors)).toBe(true);
    expect(answer({ query: 'x' })).toBe(false);
    const timelineSchema = openapi.paths['/api/queries/persons/timeline'].get.responses['200'].content['application/json'].schema;
    const timeline = ajv.compile({ components: openapi.components, ...timelineSchema });
    const body = (await get('/api/queries/persons/timeline')).json();
    expect(timeline(body), JSON.stringify(timeline.errors)).toBe(true);
    expect(timeline({ ...body, rows: [{ event: 'x' }] })).toBe(false);
  });
});

describe('a parameter whose values in the data outnumber MAX_RESULTS', () => {
  // The same store, its row cap lowered to 1 (as MAX_RESULTS=1 would), so the charges cannot all be listed.
  let capped: FastifyInstance;
  beforeAll(async () => {
    // The app closes the store it is given; this one shares the file's store, so its close must not.
    const cappedStore: GraphStore = { ...store, query: (request) => store.query({ ...request, maxResults: 1 }), close: async () => undefined };
    capped = buildApp({ store: cappedStore, config });
    await capped.ready();
  });
  afterAll(async () => capped?.close());

  it('lists no values for it rather than a cut list', async () => {
    const response = await capped.inject({ url: '/api/queries' });
    expect(response.statusCode).toBe(200);
    const byCharge = response.json().queries.find((q: { name: string }) => q.name === 'persons/by-charge');
    expect(byCharge.parameters).toEqual([{ name: 'charge', required: false, type: 'iri' }]);
  });

  it('refuses no value, answering one the data lacks with no row', async () => {
    const response = await capped.inject({ url: '/api/queries/persons/by-charge?charge=id/concept/charge/jaywalking' });
    expect(response.statusCode).toBe(200);
    expect(response.json().rows).toEqual([]);
  });
});

describe('a value in the data', () => {
  it('is answered without listing the values first', async () => {
    const spied = { ...store, query: vi.fn((request: Parameters<GraphStore['query']>[0]) => store.query(request)), close: async () => undefined };
    const fresh = buildApp({ store: spied, config });
    try {
      await fresh.ready();
      const response = await fresh.inject({ url: '/api/queries/persons/by-charge?charge=id/concept/charge/splittism' });
      expect(response.statusCode).toBe(200);
      expect(response.json().rows.length).toBeGreaterThan(0);
      expect(spied.query).toHaveBeenCalledTimes(1);
    } finally {
      await fresh.close();
    }
  });
});
