import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jsonld from 'jsonld';
import { DataFactory } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError } from '../../src/errors/casegraph-error.js';
import { offlineDocumentLoader } from '../../src/formats/offline-document-loader.js';
import { findResultFormat, serializeContext } from '../../src/formats/result-formats.js';
import { openSyntheticStore } from '../helpers/synthetic-store.js';
import type { SyntheticStore } from '../helpers/synthetic-store.js';

/** A loopback server that only counts: any request reaching it means the engine went to the network. */
let canary: Server;
let canaryUrl: string;
const requests: string[] = [];
let fixture: SyntheticStore;

beforeAll(async () => {
  canary = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.setHeader('content-type', 'application/ld+json');
    response.end('{"@context": {"name": "http://example.test/name"}}');
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}/`;
  fixture = await openSyntheticStore({ 'data/a.ttl': '<http://example.test/a> <http://example.test/name> "A" .\n' }, { workers: 1 });
});

afterAll(async () => {
  await fixture?.dispose();
  await new Promise((resolve) => canary?.close(resolve));
});

describe('the query engine', () => {
  it('refuses SERVICE without contacting the named endpoint', async () => {
    const query = `SELECT * { SERVICE <${canaryUrl}sparql> { ?s ?p ?o } }`;
    await expect(fixture.store.query({ query })).rejects.toThrow(BadRequestError);
    expect(requests).toEqual([]);
  });

  it('refuses LOAD without fetching the document', async () => {
    await expect(fixture.store.query({ query: `LOAD <${canaryUrl}data.ttl>` })).rejects.toThrow(/LOAD is not accepted/);
    expect(requests).toEqual([]);
  });

  it('treats FROM and FROM NAMED as a choice among its own graphs, fetching nothing', async () => {
    const from = await fixture.store.query({ query: `SELECT * FROM <${canaryUrl}data.ttl> { ?s ?p ?o }` });
    expect(from.kind === 'bindings' && from.rows).toEqual([]);
    const named = await fixture.store.query({ query: `SELECT * FROM NAMED <${canaryUrl}g.ttl> { GRAPH ?g { ?s ?p ?o } }` });
    expect(named.kind === 'bindings' && named.rows).toEqual([]);
    const protocol = await fixture.store.query({ query: 'SELECT * { ?s ?p ?o }', defaultGraphs: [`${canaryUrl}d.ttl`] });
    expect(protocol.kind === 'bindings' && protocol.rows).toEqual([]);
    expect(requests).toEqual([]);
  });
});

describe('JSON-LD processing', () => {
  it('refuses a remote @context instead of fetching it', async () => {
    const document = { '@context': `${canaryUrl}context.jsonld`, '@id': 'http://example.test/a', name: 'A' };
    const error = await jsonld.expand(document, { documentLoader: offlineDocumentLoader() } as jsonld.Options.Expand).then(
      () => undefined,
      (reason: unknown) => reason as { name?: string; details?: { cause?: Error } },
    );
    // jsonld.js wraps the loader's refusal in its own "loading remote context failed" error.
    expect(error?.name).toBe('jsonld.InvalidUrl');
    expect(error?.details?.cause?.message).toMatch(/never fetches remote documents/);
    expect(requests).toEqual([]);
  });

  it('answers a context it was handed, by URL, without the network', async () => {
    const url = `${canaryUrl}context.jsonld`;
    const loader = offlineDocumentLoader({ [url]: { '@context': { name: 'http://example.test/name' } } });
    const expanded = await jsonld.expand({ '@context': url, '@id': 'http://example.test/a', name: 'A' }, { documentLoader: loader } as jsonld.Options.Expand);
    expect(expanded).toEqual([{ '@id': 'http://example.test/a', 'http://example.test/name': [{ '@value': 'A' }] }]);
    expect(requests).toEqual([]);
  });

  it('serialises CONSTRUCT answers whose values name the canary without touching it', async () => {
    const quad = DataFactory.quad(
      DataFactory.namedNode('http://example.test/a'),
      DataFactory.namedNode('http://www.w3.org/ns/json-ld#context'),
      DataFactory.namedNode(`${canaryUrl}context.jsonld`),
    );
    const text = await findResultFormat('jsonld')!.serialize({ kind: 'quads', quads: [quad], truncated: false }, serializeContext('http://example.test/'));
    expect(text).toContain(canaryUrl);
    expect(requests).toEqual([]);
  });
});

describe('the canary itself', () => {
  // Proves the counter above would have seen a request: without this, "zero requests" could mean a dead canary.
  it('counts a request that really reaches it', async () => {
    const response = await fetch(`${canaryUrl}self-check`);
    expect(response.status).toBe(200);
    expect(requests).toEqual(['GET /self-check']);
  });
});
