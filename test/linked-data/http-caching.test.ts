import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realApp, type LinkedDataApp } from '../helpers/linked-data-app.js';

let s: LinkedDataApp;
beforeAll(async () => {
  s = await realApp();
});
afterAll(async () => s?.close());

const gets: ReadonlyArray<readonly [string, string]> = [
  ['/id/person/gulmire-imin', 'text/html'],
  ['/id/person/gulmire-imin', 'text/turtle'],
  ['/id/event/gulmire-imin-arrest.jsonld', '*/*'],
  ['/ontology', 'application/n-triples'],
  ['/api/persons', '*/*'],
  ['/api/persons/gulmire-imin', '*/*'],
  ['/context.jsonld', '*/*'],
  ['/frames/person.jsonld', '*/*'],
  ['/dumps/', 'application/json'],
  ['/dumps/casegraph.ttl', '*/*'],
  ['/.well-known/void', 'text/turtle'],
  ['/openapi.json', '*/*'],
  ['/docs', '*/*'],
  ['/sparql?query=ASK%7B%7D', 'application/sparql-results+json'],
];

describe('a GET response', () => {
  for (const [url, accept] of gets) {
    it(`carries an ETag from the dataset version and answers If-None-Match with 304: ${url} (${accept})`, async () => {
      const first = await s.app.inject({ url, headers: { accept } });
      expect(first.statusCode).toBe(200);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(new RegExp(`^"${s.store.version}-`));
      expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
      const again = await s.app.inject({ url, headers: { accept, 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
      const weak = await s.app.inject({ url, headers: { accept, 'if-none-match': `"other", W/${etag}` } });
      expect(weak.statusCode).toBe(304);
      const stale = await s.app.inject({ url, headers: { accept, 'if-none-match': '"0000-stale"' } });
      expect(stale.statusCode).toBe(200);
      expect(stale.body).toBe(first.body);
    });
  }

  it('answers HEAD with the same ETag as GET, and 304 on a match', async () => {
    const get = await s.app.inject({ url: '/id/person/gulmire-imin', headers: { accept: 'text/turtle' } });
    const head = await s.app.inject({ method: 'HEAD', url: '/id/person/gulmire-imin', headers: { accept: 'text/turtle' } });
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toBe(get.headers.etag);
    const conditional = await s.app.inject({
      method: 'HEAD',
      url: '/id/person/gulmire-imin',
      headers: { accept: 'text/turtle', 'if-none-match': get.headers.etag as string },
    });
    expect(conditional.statusCode).toBe(304);
  });

  it('has a different ETag for each representation of one IRI', async () => {
    const tags = new Set<string>();
    for (const accept of ['text/html', 'text/turtle', 'application/ld+json', 'application/n-triples']) {
      tags.add((await s.app.inject({ url: '/id/person/gulmire-imin', headers: { accept } })).headers.etag as string);
    }
    expect(tags.size).toBe(4);
  });

  it('has the same ETag in another app over the same data (a replica)', async () => {
    const other = await realApp();
    try {
      for (const url of ['/dumps/casegraph.ttl', '/id/dataset/casegraph.ttl', '/.well-known/void']) {
        const a = await s.app.inject({ url, headers: { accept: 'text/turtle' } });
        const b = await other.app.inject({ url, headers: { accept: 'text/turtle' } });
        expect(b.headers.etag, url).toBe(a.headers.etag);
      }
    } finally {
      await other.close();
    }
  });

  it('is not cached when the route says no-store (/health), and errors carry no ETag', async () => {
    const health = await s.app.inject({ url: '/health' });
    expect(health.headers.etag).toBeUndefined();
    const missing = await s.app.inject({ url: '/id/person/nobody' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
  });
});

describe('a cross-origin GET', () => {
  it('lets browser code read the ETag, Link and Content-Location headers', async () => {
    const res = await s.app.inject({ url: '/id/person/gulmire-imin', headers: { accept: 'text/turtle', origin: 'http://notebook.example.test' } });
    const exposed = String(res.headers['access-control-expose-headers']).toLowerCase();
    for (const header of ['etag', 'link', 'content-location']) expect(exposed).toContain(header);
  });
});
