import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from '../../src/app.js';
import { DataError } from '../../src/errors/casegraph-error.js';
import { syntheticApp, type SyntheticApp } from '../helpers/synthetic-app.js';

const examples = {
  'queries/people.rq': '#+ summary: "People <and> their names"\nSELECT ?name WHERE { ?p <http://example.test/vocab#name> ?name }\n',
  'queries/places.rq': '#+ summary: Places\nSELECT ?l WHERE { ?p <http://example.test/vocab#label> ?l } # </script>\n',
};

let s: SyntheticApp;
beforeAll(async () => {
  s = await syntheticApp({}, examples);
});
afterAll(async () => {
  await s.close();
});

const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('GET /sparql from a browser', () => {
  it('serves the editor page with the example queries in a menu', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/sparql', headers: { accept: browserAccept } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toMatch(/<option value="\d+" title="queries\/people\.rq">People &lt;and&gt; their names<\/option>/);
    expect(res.body).toMatch(/<option value="\d+" title="queries\/places\.rq">Places<\/option>/);
    // A query's text cannot close the data block it travels in.
    expect(res.body.match(/<\/script>/g)).toHaveLength(3);
    expect(res.body).toContain('\\u003c/script>');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('loads scripts and styles only from this server', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/sparql', headers: { accept: browserAccept } });
    // data: URLs (the empty favicon) are inline, not fetched.
    const urls = [...res.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((url) => !url.startsWith('data:'));
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const url of urls) {
      expect(url).toMatch(/^\/assets\//);
      const asset = await s.app.inject({ method: 'GET', url });
      expect(asset.statusCode, url).toBe(200);
      expect(asset.body.length, url).toBeGreaterThan(100);
    }
  });

  it('serves a YASGUI build whose styles pull nothing from elsewhere', async () => {
    const css = await s.app.inject({ method: 'GET', url: '/assets/yasgui/yasgui.min.css' });
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.body).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
    const js = await s.app.inject({ method: 'GET', url: '/assets/yasgui/yasgui.min.js' });
    expect(js.headers['content-type']).toContain('text/javascript');
    // No script or stylesheet loaded from a CDN at run time.
    expect(js.body).not.toMatch(/(unpkg\.com|jsdelivr\.net|cdnjs\.|googleapis\.com)/);
  });

  it('gets results, not the page, when the URL carries a query (XML: the browser ranks it above */*)', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/sparql?query=ASK%7B%7D', headers: { accept: browserAccept } });
    expect(res.headers['content-type']).toContain('application/sparql-results+xml');
    expect(res.body).toContain('<boolean>true</boolean>');
  });
});

describe('an example query that does not parse', () => {
  it('stops startup naming the file and the line', () => {
    mkdirSync(path.join(s.config.root, 'queries'), { recursive: true });
    writeFileSync(path.join(s.config.root, 'queries/broken.rq'), '#+ summary: Broken\nSELECT * WHERE {\n  ?s ?p\n}\n');
    let error: unknown;
    try {
      buildApp({ store: s.store, config: s.config });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).location).toMatchObject({ file: 'queries/broken.rq', line: 4 });
  });
});
