import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realApp, syntheticLinkedDataApp, type LinkedDataApp } from '../helpers/linked-data-app.js';

// The spec's JSON Schemas, written into test/reconciliation/schemas/ from the 0.2 report (each file cites it).
const schemaFolder = path.join(import.meta.dirname, 'schemas');
const ajv = new Ajv({ allErrors: true, strict: false });
for (const file of readdirSync(schemaFolder)) ajv.addSchema(JSON.parse(readFileSync(path.join(schemaFolder, file), 'utf8')));
function expectValid(schema: string, body: unknown): void {
  const validate = ajv.getSchema(schema);
  if (!validate) throw new Error(`no schema ${schema}`);
  expect(validate(body), ajv.errorsText(validate.errors)).toBe(true);
}

const personType = 'https://schema.org/Person';
const form = (fields: Record<string, unknown>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, JSON.stringify(v)])).toString(),
});

describe('the reconciliation service over the shipped data', () => {
  let ld: LinkedDataApp;
  beforeAll(async () => {
    ld = await realApp();
  });
  afterAll(() => ld.close());

  describe('GET /reconcile', () => {
    it('answers the manifest, valid against the 0.2 schema, naming the version it serves and every service', async () => {
      const response = await ld.app.inject({ method: 'GET', url: '/reconcile', headers: { origin: 'https://openrefine.example' } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      const manifest = response.json();
      expectValid('manifest.json', manifest);
      const base = ld.store.baseIri;
      expect(manifest.versions).toEqual(['0.2']);
      expect(manifest.identifierSpace).toBe(`${base}id/person/`);
      expect(manifest.defaultTypes).toEqual([{ id: personType, name: 'Person' }]);
      expect(manifest.view.url).toBe(`${base}id/person/{{id}}`);
      for (const kind of ['entity', 'type', 'property'])
        expect(`${manifest.suggest[kind].service_url}${manifest.suggest[kind].service_path}`).toBe(`${base}reconcile/suggest/${kind}`);
      expect(manifest.preview.url).toBe(`${base}reconcile/preview?id={{id}}`);
      expect(`${manifest.extend.propose_properties.service_url}${manifest.extend.propose_properties.service_path}`).toBe(`${base}reconcile/propose_properties`);
    });

    it('answers a CORS preflight for a JSON POST', async () => {
      const response = await ld.app.inject({
        method: 'OPTIONS',
        url: '/reconcile',
        headers: { origin: 'https://openrefine.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers['access-control-allow-methods']).toContain('POST');
    });
  });

  describe('a batch of queries as OpenRefine posts it (a form field queries=)', () => {
    it('matches spelling variants of the seed person and validates against the result schema', async () => {
      const batch = {
        q0: { query: 'Gulmira Imin', type: personType, type_strict: 'should' },
        q1: {
          query: 'Imin, Gülmire',
          type: personType,
          type_strict: 'should',
          properties: [
            { pid: 'place', v: 'Ürümqi' },
            { pid: 'charge', v: 'Splittism' },
          ],
        },
        q2: { query: 'Gulmire Imin', type: personType, limit: 3 },
      };
      expectValid('reconciliation-query-batch.json', batch);
      const response = await ld.app.inject({ method: 'POST', url: '/reconcile', ...form({ queries: batch }) });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expectValid('reconciliation-result-batch.json', body);
      expect(Object.keys(body).sort()).toEqual(['q0', 'q1', 'q2']);
      for (const key of ['q0', 'q1', 'q2']) {
        expect(body[key].result[0]).toMatchObject({ id: 'gulmire-imin', name: 'Gulmire Imin', match: true, type: [{ id: personType }] });
      }
      expect(body.q1.result[0].features).toEqual(
        expect.arrayContaining([
          { id: 'place', value: true },
          { id: 'charge', value: true },
        ]),
      );
    });

    it('matches a transliteration variant of the next prisoner the seed page names', async () => {
      const body = (await ld.app.inject({ method: 'POST', url: '/reconcile', ...form({ queries: { q0: { query: 'Nurmemet Yasin' } } }) })).json();
      expect(body.q0.result[0]).toMatchObject({ id: 'nurmuhammet-yasin', name: 'Nurmuhammet Yasin', score: 98, match: true });
    });

    it('takes the same batch as a JSON body and as a GET parameter, with the same answer', async () => {
      const batch = { q0: { query: 'Gulmire Emin' } };
      const posted = await ld.app.inject({ method: 'POST', url: '/reconcile', payload: { queries: batch } });
      const got = await ld.app.inject({ method: 'GET', url: `/reconcile?queries=${encodeURIComponent(JSON.stringify(batch))}` });
      expect(posted.statusCode).toBe(200);
      expect(got.json()).toEqual(posted.json());
      expect(posted.json().q0.result[0]).toMatchObject({ id: 'gulmire-imin', score: 98, match: true });
    });

    it('is not a certain match when a constraint contradicts the data', async () => {
      const body = (
        await ld.app.inject({
          method: 'POST',
          url: '/reconcile',
          ...form({ queries: { q0: { query: 'Gulmire Imin', properties: [{ pid: 'charge', v: 'Theft' }] } } }),
        })
      ).json();
      expect(body.q0.result[0]).toMatchObject({ id: 'gulmire-imin', match: false });
      expect(body.q0.result[0].score).toBeLessThan(95);
      expect(body.q0.result[0].features).toContainEqual({ id: 'charge', value: false });
    });

    it('answers no candidate for a type the service does not have', async () => {
      const body = (
        await ld.app.inject({ method: 'POST', url: '/reconcile', ...form({ queries: { q0: { query: 'Gulmire Imin', type: 'https://schema.org/Book' } } }) })
      ).json();
      expect(body).toEqual({ q0: { result: [] } });
    });

    it.each([
      ['queries=not json', 'queries: not JSON'],
      [`queries=${encodeURIComponent('{"q0":{"qury":"x"}}')}`, 'queries.q0: unknown member "qury"'],
      [`queries=${encodeURIComponent('{"q0":{"limit":2}}')}`, 'queries.q0: needs a query or at least one property'],
      [`queries=${encodeURIComponent('{"q0":{"query":"x","properties":[{"pid":"shoeSize","v":3}]}}')}`, 'queries.q0.properties: unknown pid "shoeSize"'],
      [`extend=${encodeURIComponent('{"ids":["gulmire-imin"],"properties":[{"id":"shoeSize"}]}')}`, 'extend.properties[0].id: unknown property "shoeSize"'],
    ])('answers 400 for %s, naming where', async (payload, message) => {
      const response = await ld.app.inject({ method: 'POST', url: '/reconcile', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain(message);
    });
  });

  describe('data extension', () => {
    it('proposes the properties, valid against the spec', async () => {
      const body = (await ld.app.inject({ method: 'GET', url: `/reconcile/propose_properties?type=${encodeURIComponent(personType)}` })).json();
      expectValid('propose-properties-response.json', body);
      expect(body.properties.map((p: { id: string }) => p.id)).toEqual(
        expect.arrayContaining(['charge', 'sentence', 'prison', 'arrestDate', 'trialDate', 'sentencingDate', 'sourceUrl']),
      );
    });

    it('fills charges, sentence, prison, dates and age from the graph, leaving unknown ids empty', async () => {
      const extend = {
        ids: ['gulmire-imin', 'no-such-person'],
        properties: ['charge', 'sentence', 'prison', 'arrestDate', 'sentencingDate', 'statedAge', 'sourceUrl'].map((id) => ({ id })),
      };
      expectValid('data-extension-query.json', extend);
      const response = await ld.app.inject({ method: 'POST', url: '/reconcile', ...form({ extend }) });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expectValid('data-extension-response.json', body);
      expect(body.meta.map((m: { id: string }) => m.id)).toEqual(extend.properties.map((p) => p.id));
      const row = body.rows['gulmire-imin'];
      expect(row.charge).toEqual([{ str: 'Leaking state secrets' }, { str: 'Organizing an illegal demonstration' }, { str: 'Splittism' }]);
      expect(row.sentence).toEqual([{ str: 'Life imprisonment' }]);
      expect(row.prison).toEqual([{ str: 'Xinjiang Women’s Prison' }]);
      expect(row.arrestDate).toEqual([{ date: '2009-07-14T00:00:00Z' }]);
      expect(row.sentencingDate).toEqual([{ date: '2010-04-01T00:00:00Z' }]);
      expect(row.statedAge).toEqual([{ int: 32 }]);
      expect(Object.values(body.rows['no-such-person'])).toEqual(extend.properties.map(() => []));
    });
  });

  describe('suggest and preview', () => {
    it('suggests persons by the start of any name word, and types and properties by prefix', async () => {
      const entities = (await ld.app.inject({ method: 'GET', url: '/reconcile/suggest/entity?prefix=imi' })).json();
      expectValid('suggest-entities-response.json', entities);
      expect(entities.result[0]).toMatchObject({ id: 'gulmire-imin', name: 'Gulmire Imin' });
      const types = (await ld.app.inject({ method: 'GET', url: '/reconcile/suggest/type?prefix=pers' })).json();
      expectValid('suggest-types-response.json', types);
      expect(types.result).toEqual([{ id: personType, name: 'Person' }]);
      const properties = (await ld.app.inject({ method: 'GET', url: '/reconcile/suggest/property?prefix=char' })).json();
      expectValid('suggest-properties-response.json', properties);
      expect(properties.result.map((p: { id: string }) => p.id)).toEqual(['charge']);
    });

    it('previews a person as an HTML card that may be framed, and answers 404 for an unknown id', async () => {
      const response = await ld.app.inject({ method: 'GET', url: '/reconcile/preview?id=gulmire-imin' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['x-frame-options']).toBeUndefined();
      expect(response.headers['content-security-policy']).toContain('frame-ancestors *');
      expect(response.body).toContain('Gulmire Imin');
      expect(response.body).toContain('Splittism');
      expect((await ld.app.inject({ method: 'GET', url: '/reconcile/preview?id=nobody' })).statusCode).toBe(404);
    });
  });
});

describe('matching names against near-namesakes (synthetic persons)', () => {
  let ld: LinkedDataApp;
  beforeAll(async () => {
    ld = await syntheticLinkedDataApp({ 'data/namesakes.ttl': readFileSync(path.join(import.meta.dirname, 'fixtures/namesakes.ttl'), 'utf8') });
  });
  afterAll(() => ld.close());

  // Each typed name, the person it should rank first, and whether that may be a certain match.
  const variants: ReadonlyArray<readonly [string, string, boolean]> = [
    ['Gulmire Imin', 'test-gulmire-imin', true],
    ['Gülmire Imin', 'test-gulmire-imin', true],
    ['Gulmira Imin', 'test-gulmire-imin', true],
    ['Gulmire Emin', 'test-gulmire-imin', true],
    ['Gulmire  Imin', 'test-gulmire-imin', true],
    ['Imin, Gulmire', 'test-gulmire-imin', true],
    ['IMIN Gulmire', 'test-gulmire-imin', true],
    ['GULMİRE İMİN', 'test-gulmire-imin', true],
    ['Ｇｕｌｍｉｒｅ Imin.', 'test-gulmire-imin', true],
    ['Nurmemet Tohti', 'test-nurmuhemmet-tohti', true],
    ['Nurmuhammet Tohti', 'test-nurmuhemmet-tohti', true],
    ['N. Tohti', 'test-nurmuhemmet-tohti', true],
    ['Nurmuhammet Turdi', 'test-nurmuhammet-turdi', true],
    ['Gulnara Imin', 'test-gulnara-imin', true],
    // Near-namesakes: close to one person, the same as none.
    ['Gulnar Imin', 'test-gulnara-imin', false],
    ['Gulmire Iminov', 'test-gulmire-iminova', false],
    ['Gulmire Imim', 'test-gulmire-imin', false],
    ['Nurmemet Turdiev', 'test-nurmuhammet-turdi', false],
    // Two persons whose names are spellings of each other: neither is certain.
    ['Ablikim Imin', 'test-ablikim-imin', false],
    ['Ablikim Emin', 'test-ablikim-emin', false],
  ];

  it.each(variants)('ranks %j as %s first (certain: %s)', async (typed, expected, certain) => {
    const body = (await ld.app.inject({ method: 'POST', url: '/reconcile', ...form({ queries: { q: { query: typed, limit: 10 } } }) })).json();
    expectValid('reconciliation-result-batch.json', body);
    const result = body.q.result as Array<{ id: string; match: boolean; score: number }>;
    expect(result[0]?.id).toBe(expected);
    expect(result[0]?.match).toBe(certain);
    // A near-namesake is never the certain one, and never more than one is.
    expect(result.filter((c) => c.match).map((c) => c.id)).toEqual(certain ? [expected] : []);
    expect(result.map((c) => c.score)).toEqual([...result.map((c) => c.score)].sort((a, b) => b - a));
  });

  it('matches by properties alone, among persons whose data confirms them', async () => {
    const body = (
      await ld.app.inject({ method: 'POST', url: '/reconcile', ...form({ queries: { q: { properties: [{ pid: 'place', v: 'Wulumuqi' }] } } }) })
    ).json();
    expect(body.q.result.map((c: { id: string; match: boolean }) => [c.id, c.match])).toEqual([['test-gulmire-imin', false]]);
  });

  it('drops a certain match when a property contradicts it', async () => {
    const body = (
      await ld.app.inject({
        method: 'POST',
        url: '/reconcile',
        ...form({ queries: { q: { query: 'Gulmire Imin', properties: [{ pid: 'place', v: 'Kashgar' }] } } }),
      })
    ).json();
    const result = body.q.result as Array<{ id: string; match: boolean; score: number; features: unknown[] }>;
    expect(result.some((c) => c.match)).toBe(false);
    const contradicted = result.find((c) => c.id === 'test-gulmire-imin');
    expect(contradicted?.score).toBeLessThan(95);
    expect(contradicted?.features).toContainEqual({ id: 'place', value: false });
  });

  it('cuts the candidates at limit', async () => {
    const body = (await ld.app.inject({ method: 'POST', url: '/reconcile', ...form({ queries: { q: { query: 'Gulmire Imin', limit: 1 } } }) })).json();
    expect(body.q.result).toHaveLength(1);
  });
});
