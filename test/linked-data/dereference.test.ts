import jsonld from 'jsonld';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineDocumentLoader } from '../../src/formats/offline-document-loader.js';
import { realApp, syntheticLinkedDataApp, type LinkedDataApp } from '../helpers/linked-data-app.js';
import { ontologyFile, syntheticPrefixes } from '../helpers/synthetic-case.js';

let s: LinkedDataApp;
let base: string;
let context: unknown;
beforeAll(async () => {
  s = await realApp();
  base = s.config.baseIri;
  context = JSON.parse((await s.app.inject({ url: '/context.jsonld' })).body);
});
afterAll(async () => s?.close());

// One resource of every kind the data holds, with a label it must carry.
const kinds: ReadonlyArray<readonly [string, string, string]> = [
  ['person', 'id/person/gulmire-imin', 'Gulmire Imin'],
  ['case', 'id/case/gulmire-imin', 'Case of Gulmire Imin'],
  ['event', 'id/event/gulmire-imin-arrest', 'Arrest of Gulmire Imin'],
  ['source', 'id/source/uhrp-prisoner-profile-gulmire-imin', 'UHRP prisoner profile: Gulmire Imin'],
  ['place', 'id/place/xinjiang-womens-prison', 'Xinjiang Women’s Prison, Urumchi'],
  ['organisation', 'id/organisation/working-group-on-arbitrary-detention', 'Working Group on Arbitrary Detention'],
  ['legal provision', 'id/legal/udhr-article-19', 'UDHR article 19'],
  ['concept', 'id/concept/charge/splittism', 'Splittism'],
  ['campaign', 'id/campaign/uhrp-release-eight-prisoners', 'Campaign for the release of 8 prisoners'],
  ['work', 'id/work/the-july-5-riot-from-start', 'The July 5 Riot from Start'],
  ['context statement', 'id/statement/uyghur-websites-deleted', 'Over 80% of Uyghur websites deleted when the Internet returned'],
  ['dataset', 'id/dataset/casegraph', 'casegraph dataset'],
];

const media = [
  ['text/turtle', '.ttl'],
  ['application/ld+json', '.jsonld'],
  ['application/n-triples', '.nt'],
  ['text/html', '.html'],
] as const;

/** The triples a body carries, whatever its syntax. */
async function triplesOf(body: string, mediaType: string): Promise<Array<[string, string, string]>> {
  let nquads: string;
  if (mediaType === 'application/ld+json') {
    const documentLoader = offlineDocumentLoader({ [`${base}context.jsonld`]: context });
    // The typings pick the callback overload for these options; the library returns a promise of N-Quads text.
    const toRDF = jsonld.toRDF as unknown as (input: unknown, options: object) => Promise<string>;
    nquads = await toRDF.call(jsonld, JSON.parse(body), { format: 'application/n-quads', documentLoader });
  } else {
    nquads = body;
  }
  const format = mediaType === 'text/turtle' ? 'text/turtle' : 'application/n-quads';
  return new Parser({ format }).parse(nquads).map((q) => [q.subject.value, q.predicate.value, q.object.value]);
}

describe('an IRI under BASE_IRI', () => {
  for (const [kind, path, label] of kinds) {
    describe(`of a ${kind}`, () => {
      for (const [mediaType, suffix] of media) {
        it(`answers ${mediaType} at its own URL, with Vary, Content-Location and alternates`, async () => {
          const res = await s.app.inject({ url: `/${path}`, headers: { accept: mediaType } });
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toContain(mediaType);
          expect(res.headers.vary).toContain('Accept');
          expect(res.headers['content-location']).toBe(`/${path}${suffix}`);
          for (const [, other] of media) expect(res.headers.link).toContain(`</${path}${other}>; rel="alternate"`);
          if (mediaType === 'text/html') {
            expect(res.body).toContain(`<h1>${label.replace('’', '’')}</h1>`);
          } else {
            const triples = await triplesOf(res.body, mediaType);
            expect(triples).toContainEqual([base + path, 'http://www.w3.org/2000/01/rdf-schema#label', label]);
          }
        });

        it(`answers the same ${mediaType} at ${suffix}, naming the IRI as canonical`, async () => {
          const negotiated = await s.app.inject({ url: `/${path}`, headers: { accept: mediaType } });
          const res = await s.app.inject({ url: `/${path}${suffix}`, headers: { accept: 'image/png' } });
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toContain(mediaType);
          expect(res.headers.link).toContain(`</${path}>; rel="canonical"`);
          expect(res.body).toBe(negotiated.body);
        });
      }
    });
  }

  it('describes a resource by its own triples plus the labels of what it links to', async () => {
    const res = await s.app.inject({ url: '/id/event/gulmire-imin-wgad-opinion.nt' });
    const triples = await triplesOf(res.body, 'application/n-triples');
    const subjects = new Set(triples.map(([subject]) => subject));
    expect(triples).toContainEqual([`${base}id/event/gulmire-imin-wgad-opinion`, `${base}ontology#provisionViolated`, `${base}id/legal/udhr-article-8`]);
    expect(triples).toContainEqual([`${base}id/legal/udhr-article-8`, 'http://www.w3.org/2000/01/rdf-schema#label', 'UDHR article 8']);
    // Linked resources contribute labels only, not their own claims.
    const linkedClaims = triples.filter(([subject, predicate]) => subject !== `${base}id/event/gulmire-imin-wgad-opinion` && predicate.endsWith('#excerpt'));
    expect(linkedClaims).toEqual([]);
    expect(subjects.size).toBeGreaterThan(5);
  });

  it('prefers Turtle when the client accepts anything', async () => {
    const res = await s.app.inject({ url: '/id/person/gulmire-imin', headers: { accept: '*/*' } });
    expect(res.headers['content-type']).toContain('text/turtle');
  });

  it('gives a browser (text/html above */*) the page', async () => {
    const res = await s.app.inject({ url: '/id/person/gulmire-imin', headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('answers 406 naming the available types when none is acceptable', async () => {
    const res = await s.app.inject({ url: '/id/person/gulmire-imin', headers: { accept: 'image/png' } });
    expect(res.statusCode).toBe(406);
    expect(res.body).toContain('text/turtle');
  });
});

describe('an ontology term', () => {
  it('dereferences as the ontology document, every term in it', async () => {
    const res = await s.app.inject({ url: '/ontology', headers: { accept: 'text/turtle' } });
    expect(res.statusCode).toBe(200);
    const triples = await triplesOf(res.body, 'text/turtle');
    expect(triples).toContainEqual([`${base}ontology#Arrest`, 'http://www.w3.org/2000/01/rdf-schema#label', 'arrest']);
    expect(triples).toContainEqual([`${base}ontology`, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'http://www.w3.org/2002/07/owl#Ontology']);
    // Data is not part of the ontology document.
    expect(triples.some(([subject]) => subject.startsWith(`${base}id/`))).toBe(false);
  });

  it('has an HTML section anchored at each term, so {base}ontology#Arrest lands on it', async () => {
    const res = await s.app.inject({ url: '/ontology', headers: { accept: 'text/html' } });
    expect(res.body).toContain('<h2 id="Arrest">arrest</h2>');
    expect(res.body).toContain('<h2 id="concernsPerson">concerns person</h2>');
  });

  for (const [mediaType, suffix] of media) {
    it(`is served as ${mediaType} at /ontology${suffix}`, async () => {
      const res = await s.app.inject({ url: `/ontology${suffix}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain(mediaType);
    });
  }
});

describe('an IRI the graph says nothing about', () => {
  it('answers 404 with a helpful page for browsers', async () => {
    const res = await s.app.inject({ url: '/id/person/nobody', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Nothing is known about this IRI');
    expect(res.body).toContain(`${base}id/person/nobody`);
    expect(res.body).toContain('href="/sparql"');
  });

  it('answers 404 with a one-line message for data clients', async () => {
    const res = await s.app.inject({ url: '/id/person/nobody', headers: { accept: 'text/turtle' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body.trim().split('\n')).toHaveLength(1);
  });

  it('answers 404 for a suffix form too', async () => {
    for (const [, suffix] of media) {
      const res = await s.app.inject({ url: `/id/person/nobody${suffix}` });
      expect(res.statusCode, suffix).toBe(404);
    }
  });

  it('answers 404 for a known IRI with an unknown suffix', async () => {
    const res = await s.app.inject({ url: '/id/person/gulmire-imin.xml' });
    expect(res.statusCode).toBe(404);
  });
});

describe('a named graph IRI (one loaded file)', () => {
  it('dereferences to the triples of that file', async () => {
    const res = await s.app.inject({ url: '/graph/data/cases/gulmire-imin', headers: { accept: 'application/n-triples' } });
    expect(res.statusCode).toBe(200);
    const triples = await triplesOf(res.body, 'application/n-triples');
    const fromFile = s.store.graphs.find((g) => g.file === 'data/cases/gulmire-imin.ttl');
    expect(triples).toHaveLength(fromFile!.size);
    const page = await s.app.inject({ url: '/graph/data/cases/gulmire-imin.html' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Arrest of Gulmire Imin');
  });
});

describe('a hash-namespace document such as the shapes', () => {
  it('dereferences to every term it holds, each anchored on its page', async () => {
    const res = await s.app.inject({ url: '/ontology/shapes', headers: { accept: 'text/turtle' } });
    expect(res.statusCode).toBe(200);
    const triples = await triplesOf(res.body, 'text/turtle');
    expect(triples.map(([subject]) => subject)).toContain(`${base}ontology/shapes#SourcedShape`);
    const page = await s.app.inject({ url: '/ontology/shapes', headers: { accept: 'text/html' } });
    expect(page.body).toContain('id="SourcedShape"');
  });
});

describe('an IRI with characters beyond ASCII, or an escape the IRI keeps', () => {
  let synthetic: LinkedDataApp;
  beforeAll(async () => {
    const places = `${syntheticPrefixes}
<id/place/乌鲁木齐> a schema:Place ; rdfs:label "Ürümqi, in Chinese characters"@en ; schema:name "乌鲁木齐" .
<id/place/a%20b> a schema:Place ; rdfs:label "A place whose IRI holds an escaped space"@en ; schema:name "a b" .
`;
    synthetic = await syntheticLinkedDataApp({ 'data/ontology.ttl': ontologyFile, 'data/places.ttl': places });
  });
  afterAll(async () => synthetic?.close());

  it('answers at its percent-encoded path, with ASCII headers that lead back to it', async () => {
    const path = `/id/place/${encodeURIComponent('乌鲁木齐')}`;
    for (const accept of ['text/turtle', 'text/html', 'application/ld+json']) {
      const res = await synthetic.app.inject({ url: path, headers: { accept } });
      expect(res.statusCode, accept).toBe(200);
      expect(res.headers['content-location'], accept).toMatch(/^[\x21-\x7E]+$/);
      expect(String(res.headers.link)).toContain(`<${path}.ttl>; rel="alternate"`);
    }
    const suffix = await synthetic.app.inject({ url: `${path}.nt` });
    expect(suffix.statusCode).toBe(200);
    expect(suffix.body).toContain('<http://example.test/id/place/乌鲁木齐> <https://schema.org/name> "乌鲁木齐"');
    expect(suffix.headers.link).toContain(`<${path}>; rel="canonical"`);
  });

  it('keeps an escaped space escaped: the IRI holding %20 answers at its own path, and its links work', async () => {
    const res = await synthetic.app.inject({ url: '/id/place/a%20b', headers: { accept: 'text/turtle' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('"a b"');
    expect(res.headers['content-location']).toBe('/id/place/a%20b.ttl');
    expect((await synthetic.app.inject({ url: '/id/place/a%20b.ttl' })).statusCode).toBe(200);
    expect((await synthetic.app.inject({ url: '/id/place/a%2520b' })).statusCode).toBe(404);
  });
});

describe('an IRI with a script-carrying scheme in the data', () => {
  let synthetic: LinkedDataApp;
  beforeAll(async () => {
    const data = `${syntheticPrefixes}\n<id/place/x> a schema:Place ; rdfs:label "X"@en ; schema:url <javascript:alert(1)>, <https://example.org/x> .\n`;
    synthetic = await syntheticLinkedDataApp({ 'data/ontology.ttl': ontologyFile, 'data/x.ttl': data });
  });
  afterAll(async () => synthetic?.close());

  it('is shown on the page as text, never as a link; web IRIs stay links', async () => {
    const res = await synthetic.app.inject({ url: '/id/place/x', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/href="\s*javascript:/i);
    expect(res.body).toContain('javascript:alert(1)');
    expect(res.body).toContain('href="https://example.org/x"');
  });
});
