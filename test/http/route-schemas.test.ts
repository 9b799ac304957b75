import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/load-config.js';
import { openLocalStore } from '../../src/backends/local/open-local-store.js';
import type { LinkedDataApp } from '../helpers/linked-data-app.js';

// Every route the real app registers, as it registers it: a route added later without a schema fails here.
const routes: RouteOptions[] = [];
let s: LinkedDataApp;
beforeAll(async () => {
  const config = loadConfig({}, { workers: 1 });
  const store = await openLocalStore(config);
  const app = buildApp({ store, config });
  app.addHook('onRoute', (route) => {
    // HEAD routes are Fastify's copies of the GET ones; OPTIONS * is CORS preflight, not an operation.
    if (route.method !== 'HEAD' && route.url !== '*') routes.push(route);
  });
  await app.ready();
  s = { app, store, config, close: () => app.close() };
});
afterAll(async () => s?.close());

interface PropertySchema {
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
}
interface ObjectSchema {
  properties?: Record<string, PropertySchema>;
  required?: string[];
}
const schemaOf = (route: RouteOptions) =>
  (route.schema ?? {}) as {
    params?: ObjectSchema;
    querystring?: ObjectSchema;
    body?: { content?: Record<string, unknown> };
    response?: Record<string, unknown>;
    hide?: boolean;
  };
const label = (route: RouteOptions) => `${String(route.method)} ${route.url}`;

/** A value each kind of parameter refuses, or undefined for free text (whose wrong form is a repeat). */
function wrongValue(schema: PropertySchema): string | undefined {
  if (schema.enum || schema.pattern || schema.type === 'integer' || schema.type === 'number') return 'wrong!';
  return undefined;
}

/** Something plausible for each required parameter, so the request fails on the one under test only. */
function plausible(schema: PropertySchema): string {
  if (schema.enum) return String(schema.enum[0]);
  if (schema.type === 'integer' || schema.type === 'number') return '1';
  return 'id/person/gulmire-imin';
}

/** A URL for the route: path parameters filled with something that routes to it. */
function urlOf(route: RouteOptions): string {
  return route.url.replace(/:[A-Za-z_]+/g, 'gulmire-imin').replace(/\*$/, 'x');
}

/** A body each POST accepts, so the request fails on the parameter under test only. */
const bodies: Record<string, string> = { 'application/x-www-form-urlencoded': 'query=ASK%7B%7D', 'application/sparql-query': 'ASK {}' };

async function send(route: RouteOptions, query: URLSearchParams) {
  const method = String(route.method) as 'GET' | 'POST';
  const url = `${urlOf(route)}?${query.toString()}`;
  if (method !== 'POST') return s.app.inject({ method, url });
  const [type] = Object.keys(schemaOf(route).body?.content ?? {});
  return s.app.inject({ method, url, headers: { 'content-type': type ?? 'application/json' }, payload: bodies[type ?? ''] ?? '{}' });
}

describe('every route the app registers', () => {
  it('declares the parameters in its path and, unless kept out of the document, its answers', () => {
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      const schema = schemaOf(route);
      const inPath = [...route.url.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1] as string);
      if (route.url.endsWith('*')) inPath.push('*');
      for (const name of inPath) expect(schema.params?.properties, `${label(route)} declares :${name}`).toHaveProperty([name]);
      if (!schema.hide) expect(schema.response, `${label(route)} declares its answers`).toHaveProperty(['200']);
    }
  });

  it('answers a wrong or repeated query parameter with a one-line 400 naming it', async () => {
    let checked = 0;
    for (const route of routes) {
      const { querystring } = schemaOf(route);
      const required = querystring?.required ?? [];
      for (const [name, schema] of Object.entries(querystring?.properties ?? {})) {
        const base = new URLSearchParams();
        for (const other of required) if (other !== name) base.set(other, plausible(querystring?.properties?.[other] ?? {}));
        const wrong = wrongValue(schema);
        const attempts: URLSearchParams[] = [];
        if (wrong !== undefined) attempts.push(new URLSearchParams([...base, [name, wrong]]));
        // A repeat is the one wrong form of a one-value text parameter.
        if (schema.type !== 'array') attempts.push(new URLSearchParams([...base, [name, plausible(schema)], [name, plausible(schema)]]));
        for (const query of attempts) {
          const response = await send(route, query);
          const what = `${label(route)}?${query.toString()}`;
          expect(response.statusCode, what).toBe(400);
          expect(response.body, what).toMatch(new RegExp(`(^|[^\\w-])${name.replace(/[-]/g, '\\-')}([^\\w-]|$)`));
          expect(response.body.trimEnd().split('\n'), what).toHaveLength(1);
          checked += 1;
        }
      }
      for (const name of required) {
        const response = await send(route, new URLSearchParams());
        expect(response.statusCode, `${label(route)} without ${name}`).toBe(400);
        expect(response.body, `${label(route)} without ${name}`).toBe(
          `parameter "${name}" is required (${(querystring?.properties?.[name] as { title?: string }).title})\n`,
        );
      }
    }
    expect(checked).toBeGreaterThan(30);
  }, 120_000);
});
