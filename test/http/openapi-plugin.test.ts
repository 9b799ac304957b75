import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiPlugin } from '../../src/http/openapi-plugin.js';
import { escapeHtml } from '../../src/http/escape-html.js';
import { realApp, type LinkedDataApp } from '../helpers/linked-data-app.js';

let s: LinkedDataApp;
beforeAll(async () => {
  s = await realApp();
});
afterAll(async () => s?.close());

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document assembled from every feature’s fragment', async () => {
    const res = await s.app.inject({ url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const document = JSON.parse(res.body);
    expect(document.openapi).toBe('3.1.0');
    expect(document.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    for (const path of ['/api/persons', '/api/persons/{id}', '/frames/person.jsonld', '/frames/persons.jsonld', '/', '/id/{path}', '/graph/{path}', '/ontology', '/context.jsonld', '/dumps/', '/dumps/{name}', '/.well-known/void', '/openapi.json', '/sparql', '/health']) {
      expect(document.paths, path).toHaveProperty([path, 'get']);
    }
    expect(document.paths['/sparql']).toHaveProperty('post.requestBody.content.application/sparql-query');
    expect(document.components.schemas).toHaveProperty('PersonDocument');
    // Every $ref resolves inside the document.
    const refs = [...res.body.matchAll(/"\$ref": "#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(document.components.schemas, ref).toHaveProperty([ref]);
  });
});

describe('GET /docs', () => {
  it('is a page listing every operation and schema, built from the document with nothing from elsewhere', async () => {
    const document = JSON.parse((await s.app.inject({ url: '/openapi.json' })).body);
    const res = await s.app.inject({ url: '/docs' });
    expect(res.headers['content-type']).toContain('text/html');
    for (const path of Object.keys(document.paths)) expect(res.body).toContain(`<code>${escapeHtml(path)}</code>`);
    expect(res.body).toContain('id="PersonDocument"');
    expect(res.body).not.toMatch(/<script|https?:\/\/(?!json-schema\.org)[^"\s]*\.(js|css)/);
  });
});

describe('a feature adding its operations', () => {
  it('cannot claim an operation another feature describes: startup stops naming both', async () => {
    const app = Fastify();
    await app.register(openApiPlugin, { version: 'test' });
    app.openApi.add('first', { paths: { '/x': { get: { responses: {} } } } });
    expect(() => app.openApi.add('second', { paths: { '/x': { get: { responses: {} } } } })).toThrow(/GET \/x is described by both "first" and "second"/);
    // Another method on the same path is fine.
    app.openApi.add('second', { paths: { '/x': { post: { responses: {} } } } });
    expect(Object.keys((app.openApi.document().paths as Record<string, object>)['/x'] as object)).toEqual(['get', 'post']);
    await app.close();
  });
});
