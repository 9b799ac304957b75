import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/load-config.js';
import { openLocalStore } from '../../src/backends/local/open-local-store.js';
import { loggerOptions } from '../../src/http/logger-options.js';
import { syntheticBase, writeSyntheticDataset } from '../helpers/synthetic-app.js';

const lines: Array<Record<string, unknown>> = [];
const stream = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } as unknown as NodeJS.WritableStream;
let app: FastifyInstance;
let root: string;
beforeAll(async () => {
  root = writeSyntheticDataset();
  const config = loadConfig({}, { root, dataDirs: ['data'], baseIri: syntheticBase, workers: 1 });
  app = buildApp({ store: await openLocalStore(config), config, logger: loggerOptions('info', stream) });
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app?.close();
  rmSync(root, { recursive: true, force: true });
});

const requester = {
  remoteAddress: '203.0.113.77',
  headers: { 'user-agent': 'secret-agent/1.0', 'x-forwarded-for': '198.51.100.9', cookie: 'session=abc123', 'x-api-key': 'key-xyz' },
};

describe('the request log', () => {
  it('keeps method, path, status, time and a request id, and nothing of the requester: no address, header or query text', async () => {
    lines.length = 0;
    const query = 'SELECT ?s WHERE { ?s a <http://example.test/vocab#Place> } LIMIT 3';
    const res = await app.inject({ url: `/sparql?query=${encodeURIComponent(query)}`, ...requester });
    expect(res.statusCode).toBe(200);
    const completed = lines.find((l) => l.msg === 'request completed');
    expect(completed).toMatchObject({ level: 30, res: { statusCode: 200 } });
    expect(completed?.responseTime).toEqual(expect.any(Number));
    const incoming = lines.find((l) => l.msg === 'incoming request');
    expect(incoming?.req).toEqual({ method: 'GET', path: '/sparql' });
    const ids = new Set(lines.map((l) => l.reqId));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^[0-9a-f-]{36}$/);
    const logged = JSON.stringify(lines);
    for (const secret of ['203.0.113.77', '198.51.100.9', 'secret-agent', 'abc123', 'key-xyz', 'vocab#Place', 'remoteAddress']) {
      expect(logged).not.toContain(secret);
    }
  });

  it('has one line per answered query with its hash, not its text, and the time it ran', async () => {
    lines.length = 0;
    await app.inject({ url: `/sparql?query=${encodeURIComponent('ASK { ?s ?p "needle" }')}`, ...requester });
    const answered = lines.filter((l) => l.msg === 'query answered');
    expect(answered).toHaveLength(1);
    expect(answered[0]).toMatchObject({
      level: 30,
      queryHash: expect.stringMatching(/^[0-9a-f]{16}$/),
      queryMs: expect.any(Number),
      bytes: expect.any(Number),
    });
    expect(JSON.stringify(lines)).not.toContain('needle');
  });

  it('gives each request its own id, whatever id header the client sends', async () => {
    lines.length = 0;
    await app.inject({ url: '/health', headers: { 'request-id': 'forged' } });
    await app.inject({ url: '/health', headers: { 'request-id': 'forged' } });
    const ids = new Set(lines.map((l) => l.reqId));
    expect(ids.size).toBe(2);
    expect(ids.has('forged')).toBe(false);
  });
});
