import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Ajv2020 from 'ajv/dist/2020.js';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tripleKey, distinctTriples } from '../../src/linked-data/resource-graph.js';
import { offlineDocumentLoader } from '../../src/formats/offline-document-loader.js';
import { realApp, syntheticLinkedDataApp, type LinkedDataApp } from '../helpers/linked-data-app.js';
import { ontologyFile, syntheticPrefixes } from '../helpers/synthetic-case.js';

let s: LinkedDataApp;
let openapi: { components: { schemas: Record<string, unknown> } };
let context: unknown;
beforeAll(async () => {
  s = await realApp();
  openapi = JSON.parse((await s.app.inject({ url: '/openapi.json' })).body);
  context = JSON.parse((await s.app.inject({ url: '/context.jsonld' })).body);
});
afterAll(async () => s?.close());

/** A validator for one component schema of the served OpenAPI document (refs resolve inside it). */
function validator(name: string) {
  const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
  return ajv.compile({ components: openapi.components, $ref: `#/components/schemas/${name}` });
}

async function storeTripleKeys(): Promise<Set<string>> {
  return new Set(distinctTriples(await s.store.match({})).map(tripleKey));
}

/** The triples a served JSON-LD document states, read with the published context (never fetched). */
async function statedTriples(document: unknown) {
  const documentLoader = offlineDocumentLoader({ [`${s.config.baseIri}context.jsonld`]: context });
  // The typings pick the callback overload for these options; the library returns a promise of N-Quads text.
  const toRDF = jsonld.toRDF as unknown as (input: unknown, options: object) => Promise<string>;
  const nquads = await toRDF.call(jsonld, document, { format: 'application/n-quads', documentLoader });
  return new Parser({ format: 'application/n-quads' }).parse(nquads);
}

describe('GET /api/persons/{id}', () => {
  it('answers a document that the JSON Schema in /openapi.json accepts', async () => {
    const res = await s.app.inject({ url: '/api/persons/gulmire-imin' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/ld+json');
    const document = JSON.parse(res.body);
    const validate = validator('PersonDocument');
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  });

  it('nests the case with its charges, sentence, place held and events in timeline order', async () => {
    const document = JSON.parse((await s.app.inject({ url: '/api/persons/gulmire-imin' })).body);
    expect(document['@context']).toBe(`${s.config.baseIri}context.jsonld`);
    expect(document.name).toBe('Gulmire Imin');
    expect(document.statedAge).toBe(32);
    const [theCase] = document.cases;
    expect(theCase.charges.map((c: { label: string }) => c.label).sort()).toEqual([
      'Leaking state secrets',
      'Organizing an illegal demonstration',
      'Splittism',
    ]);
    expect(theCase.sentenceTypes[0].label).toBe('Life imprisonment');
    expect(theCase.heldAt[0].label).toBe('Xinjiang Women’s Prison, Urumchi');
    const dates = theCase.events.filter((e: { date: unknown }) => e.date).map((e: { date: { '@value': string } }) => e.date['@value']);
    expect(dates).toEqual([...dates].sort());
    const opinion = theCase.events.find((e: { type: string[] }) => e.type.includes('WorkingGroupOpinion'));
    expect(opinion.date).toEqual({ '@value': '2012-03', type: 'xsd:gYearMonth' });
    expect(opinion.provisionsViolated.map((p: { label: string }) => p.label).sort()).toEqual([
      'UDHR article 10',
      'UDHR article 19',
      'UDHR article 8',
      'UDHR article 9',
    ]);
    const confession = theCase.events.find((e: { type: string[] }) => e.type.includes('ForcedConfession'));
    expect(confession.date).toBeNull();
  });

  it('states only triples the graph holds (nothing invented by the shape)', async () => {
    const document = JSON.parse((await s.app.inject({ url: '/api/persons/gulmire-imin' })).body);
    const graph = await storeTripleKeys();
    const stated = await statedTriples(document);
    expect(stated.length).toBeGreaterThan(100);
    const extra = stated.filter((q) => !graph.has(tripleKey(q))).map(tripleKey);
    expect(extra).toEqual([]);
  });

  it('keeps its shape for a person the sources say little about: null or [] where unstated, no cases key without cases', async () => {
    // Gulmire Imin's husband: the page gives neither his name, age nor gender, and he has no case of his own.
    const document = JSON.parse((await s.app.inject({ url: '/api/persons/gulmire-imin-husband' })).body);
    const validate = validator('PersonDocument');
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.statedAge).toBeNull();
    expect(document.gender).toBeNull();
    expect(document.homeLocations.map((p: { id: string }) => p.id)).toEqual([`${s.config.baseIri}id/place/norway`]);
    expect(document).not.toHaveProperty('cases');
    expect(document).not.toHaveProperty('campaigns');
    expect(document.excerpts).toEqual(['her husband, who was living in Norway']);
  });

  it('lists the campaigns for the person apart from the cases, each naming its prisoners by IRI', async () => {
    const document = JSON.parse((await s.app.inject({ url: '/api/persons/gulmire-imin' })).body);
    expect(document.cases.map((c: { type: string[] }) => c.type)).toEqual([['Case']]);
    expect(document.campaigns.map((c: { type: string[] }) => c.type)).toEqual([['Campaign']]);
    expect(document.campaigns[0].prisoners).toEqual([{ id: document.id }]);
    expect(document.campaigns[0].numberOfPrisoners).toBe(8);
    expect(document.cases[0].punishedBy.map((p: { label: string }) => p.label)).toEqual(['Chinese authorities']);
    expect(document.cases[0].reasons).toEqual(['for voicing opinions online after the July 5 unrest']);
  });

  it('leaves out a name the sources do not state, instead of renaming the key', async () => {
    const husband = JSON.parse((await s.app.inject({ url: '/api/persons/gulmire-imin-husband' })).body);
    expect(validator('PersonDocument')(husband)).toBe(true);
    expect(husband).not.toHaveProperty('name');
    expect(Object.keys(husband).filter((key) => key.includes(':'))).toEqual([]);
  });

  it('embeds a source cited many times in full each time, with its label', async () => {
    const document = JSON.parse((await s.app.inject({ url: '/api/persons/gulmire-imin' })).body);
    const sources = document.cases[0].events.flatMap((e: { sources: unknown[] }) => e.sources);
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) expect(source).toEqual({ id: expect.any(String), type: ['Source'], label: expect.any(String) });
  });

  it('is rejected by the schema when a key is missing or has the wrong type (the schema is not vacuous)', async () => {
    const document = JSON.parse((await s.app.inject({ url: '/api/persons/gulmire-imin' })).body);
    const validate = validator('PersonDocument');
    const { statedAge: _dropped, ...missing } = document;
    expect(validate(missing)).toBe(false);
    expect(validate({ ...document, statedAge: '32' })).toBe(false);
    expect(validate({ ...document, cases: [{ ...document.cases[0], events: [{ id: 'x' }] }] })).toBe(false);
  });

  it('answers 404 for a person the graph does not hold', async () => {
    for (const id of ['nobody', '..%2Fcase%2Fgulmire-imin', 'gulmire-imin-x', 'Gulmire-Imin', 'gulmire--imin']) {
      const res = await s.app.inject({ url: `/api/persons/${id}` });
      expect(res.statusCode, id).toBe(404);
    }
  });
});

describe('GET /api/persons', () => {
  it('lists every person with their cases, valid against PersonList', async () => {
    const res = await s.app.inject({ url: '/api/persons' });
    const list = JSON.parse(res.body);
    const validate = validator('PersonList');
    expect(validate(list), JSON.stringify(validate.errors)).toBe(true);
    const ids = list['@graph'].map((p: { id: string }) => p.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toContain(`${s.config.baseIri}id/person/gulmire-imin`);
    const graph = await storeTripleKeys();
    expect((await statedTriples(list)).filter((q) => !graph.has(tripleKey(q)))).toEqual([]);
  });
});

/** Arrays sorted by their members' JSON, recursively: framing defines sets, the server adds an order. */
function unordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unordered).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unordered(v)]));
  return value;
}

describe('the published frames', () => {
  let dump: unknown;
  let documentLoader: ReturnType<typeof offlineDocumentLoader>;
  beforeAll(async () => {
    dump = JSON.parse((await s.app.inject({ url: '/dumps/casegraph.jsonld' })).body);
    documentLoader = offlineDocumentLoader({ [`${s.config.baseIri}context.jsonld`]: context });
  });
  const frameWith = jsonld.frame as unknown as (input: unknown, frame: unknown, options: object) => Promise<unknown>;
  const frame = async (input: unknown, frameDocument: unknown, omitGraph: boolean) =>
    frameWith.call(jsonld, input, frameDocument, { documentLoader, omitGraph });

  it.each(['gulmire-imin', 'nurmuhammet-yasin', 'gulmire-imin-husband'])(
    'reproduce /api/persons/%s when the whole JSON-LD dump is framed with /frames/person.jsonld',
    async (id) => {
      const res = await s.app.inject({ url: '/frames/person.jsonld' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/ld+json');
      const iri = `${s.config.baseIri}id/person/${id}`;
      const framed = await frame(dump, { ...JSON.parse(res.body), '@id': iri }, true);
      const served = JSON.parse((await s.app.inject({ url: `/api/persons/${id}` })).body);
      expect(unordered(served)).toEqual(unordered(framed));
    },
  );

  it('reproduce /api/persons with /frames/persons.jsonld', async () => {
    const published = JSON.parse((await s.app.inject({ url: '/frames/persons.jsonld' })).body);
    const framed = await frame(dump, published, false);
    const served = JSON.parse((await s.app.inject({ url: '/api/persons' })).body);
    // The list holds the persons of {base}id/person/ (all the dump's persons today).
    expect(unordered(served)).toEqual(unordered(framed));
  });

  it('are frames over the published context, with the flags that keep the shape', async () => {
    const published = JSON.parse((await s.app.inject({ url: '/frames/person.jsonld' })).body);
    expect(published['@context']).toBe(`${s.config.baseIri}context.jsonld`);
    expect(published['@explicit']).toBe(true);
    expect(published.cases['@type']).toBe(`${s.config.baseIri}ontology#Case`);
    expect(published.cases.events.sources['@embed']).toBe('@always');
    expect(published).not.toHaveProperty('@id');
  });
});

describe('GET /context.jsonld', () => {
  it('publishes one context with readable keys for the documents', async () => {
    const res = await s.app.inject({ url: '/context.jsonld' });
    expect(res.headers['content-type']).toContain('application/ld+json');
    const terms = (context as { '@context': Record<string, unknown> })['@context'];
    for (const key of ['name', 'label', 'sources', 'excerpts', 'cases', 'events', 'charges', 'date', 'Person', 'Arrest']) expect(terms).toHaveProperty(key);
  });
});

describe('the JSON-LD document loader', () => {
  let canary: Server;
  let hits: string[];
  let canaryBase: string;
  let app: LinkedDataApp;
  beforeAll(async () => {
    hits = [];
    canary = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'application/ld+json' }).end('{"@context": {}}');
    });
    await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
    canaryBase = `http://127.0.0.1:${(canary.address() as AddressInfo).port}/`;
    // BASE_IRI on the canary: any fetch of our own context URL would land there.
    app = await realApp({ baseIri: canaryBase });
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => canary?.close(resolve));
  });

  it('builds every JSON-LD answer without fetching a URL, even our own context', async () => {
    for (const url of ['/id/person/gulmire-imin.jsonld', '/ontology.jsonld', '/api/persons/gulmire-imin', '/dumps/casegraph.jsonld']) {
      const res = await app.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(JSON.parse(res.body)['@context']).toBe(`${canaryBase}context.jsonld`);
    }
    const voidRes = await app.app.inject({ url: '/.well-known/void', headers: { accept: 'application/ld+json' } });
    expect(voidRes.statusCode).toBe(200);
    expect(hits).toEqual([]);
  });

  it('refuses a remote context instead of fetching it', async () => {
    const documentLoader = offlineDocumentLoader({});
    const expand = jsonld.expand as unknown as (input: unknown, options: object) => Promise<unknown>;
    const expanded = expand.call(jsonld, { '@context': `${canaryBase}remote.jsonld`, name: 'x' }, { documentLoader });
    await expect(expanded).rejects.toThrow();
    expect(hits).toEqual([]);
  });
});

describe('the list of persons over data with persons outside the id rule', () => {
  let synthetic: LinkedDataApp;
  beforeAll(async () => {
    const data = `${syntheticPrefixes}
<id/person/p1> a schema:Person ; rdfs:label "P one"@en ; cg:statedAge "032"^^xsd:integer .
<id/person/P_4> a schema:Person ; rdfs:label "P four"@en .
<id/other/p3> a schema:Person ; rdfs:label "P three"@en .
`;
    synthetic = await syntheticLinkedDataApp({ 'data/ontology.ttl': ontologyFile, 'data/persons.ttl': data });
  });
  afterAll(async () => synthetic?.close());

  it('holds exactly the persons /api/persons/{id} answers for, as the home page does', async () => {
    const list = JSON.parse((await synthetic.app.inject({ url: '/api/persons' })).body);
    expect(list['@graph'].map((p: { id: string }) => p.id)).toEqual(['http://example.test/id/person/p1']);
    for (const p of list['@graph']) expect((await synthetic.app.inject({ url: `/api/persons/${p.id.split('/').pop()}` })).statusCode).toBe(200);
    expect((await synthetic.app.inject({ url: '/api/persons/P_4' })).statusCode).toBe(404);
    const home = (await synthetic.app.inject({ url: '/', headers: { accept: 'text/html' } })).body;
    expect(home).toContain('href="/id/person/p1"');
    expect(home).not.toMatch(/P_4|other\/p3/);
  });

  it('keeps a non-canonical integer as the data writes it, and the JSON Schema accepts it', async () => {
    const document = JSON.parse((await synthetic.app.inject({ url: '/api/persons/p1' })).body);
    expect(document.statedAge).toEqual({ '@value': '032', type: 'xsd:integer' });
    const spec = JSON.parse((await synthetic.app.inject({ url: '/openapi.json' })).body);
    const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
    const validate = ajv.compile({ components: spec.components, $ref: '#/components/schemas/PersonDocument' });
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  });
});
