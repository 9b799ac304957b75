import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiPlugin } from '../../src/http/openapi-plugin.js';
import { Validator } from '@seriousme/openapi-schema-validator';
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
    for (const path of [
      '/api/persons',
      '/api/persons/{id}',
      '/frames/person.jsonld',
      '/frames/persons.jsonld',
      '/',
      '/id/{path}',
      '/graph/{path}',
      '/ontology',
      '/context.jsonld',
      '/dumps/',
      '/dumps/{name}',
      '/.well-known/void',
      '/openapi.json',
      '/sparql',
      '/health',
    ]) {
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

describe('a route declaring its schema', () => {
  it('is in the document with its parameters and answers, and two features cannot both declare one operation', async () => {
    const app = Fastify();
    await app.register(openApiPlugin, { version: 'test', tags: [{ name: 'x', description: 'Test' }] });
    app.get(
      '/x/:id',
      {
        schema: {
          tags: ['x'],
          summary: 'One x',
          params: { type: 'object', properties: { id: { type: 'string' } } },
          querystring: { type: 'object', properties: { page: { type: 'integer', minimum: 1 } } },
          response: { 200: { description: 'The x', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
      async () => ({}),
    );
    app.post('/x/:id', async () => ({}));
    const document = JSON.parse((await app.inject({ url: '/openapi.json' })).body);
    expect(Object.keys(document.paths['/x/{id}'])).toEqual(['get', 'post']);
    expect(document.paths['/x/{id}'].get.parameters.map((p: { name: string; in: string }) => `${p.in} ${p.name}`)).toEqual(['query page', 'path id']);
    expect(document.paths['/x/{id}'].get.responses['200'].content).toHaveProperty(['application/json']);
    await app.close();

    const twice = Fastify();
    await twice.register(openApiPlugin, { version: 'test', tags: [] });
    twice.get('/x', async () => ({}));
    expect(() => twice.get('/x', async () => ({}))).toThrow(/already declared/);
    await twice.close();
  });
});

describe('the document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const document = JSON.parse((await s.app.inject({ url: '/openapi.json' })).body);
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });
});
