import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { openLocalStore } from '../../src/backends/local/open-local-store.js';
import { loadConfig } from '../../src/config/load-config.js';
import { syntheticBase, writeSyntheticDataset } from '../helpers/synthetic-app.js';
import { BadRequestError, DataError, QueryMemoryError, QueryTimeoutError } from '../../src/errors/casegraph-error.js';
import { toHttpError } from '../../src/http/error-handler.js';

describe('a client error', () => {
  it('keeps its status and says where it went wrong, on one line', () => {
    const error = new BadRequestError('syntax error: expected "}"\nbut found the end', { line: 2, column: 9 });
    expect(toHttpError(error)).toEqual({ status: 400, message: 'line 2, column 9: syntax error: expected "}" but found the end' });
  });
});

describe('a server error', () => {
  it('says nothing of its cause', () => {
    expect(toHttpError(new Error('ENOENT: /srv/secret/path'))).toEqual({ status: 500, message: 'internal server error' });
    expect(toHttpError(new DataError('bad file', { file: 'data/x.ttl', line: 3 }))).toEqual({ status: 500, message: 'internal server error' });
  });

  it('says only that the time limit stopped a query, without the deadline or the query', () => {
    expect(toHttpError(new QueryTimeoutError('stopped after 30000 ms: SELECT ...'))).toEqual({
      status: 503,
      message: 'the query was stopped: it ran past its time limit',
    });
  });

  it('says only that the memory limit stopped a query', () => {
    expect(toHttpError(new QueryMemoryError('the query was stopped: it needed more than the 1024 MiB a query may use'))).toEqual({
      status: 503,
      message: 'the query was stopped: it needed more memory than a query may use',
    });
  });
});

describe('a query stopped at its deadline, in the log', () => {
  it('is one info line with the query hash and duration, no stack and not the query; errors stay for our faults', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const stream = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
    const root = writeSyntheticDataset();
    const config = loadConfig({}, { root, dataDirs: ['data'], baseIri: syntheticBase, workers: 1 });
    const app = buildApp({ store: await openLocalStore(config), config, logger: { level: 'info', stream } });
    try {
      const query = 'SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }';
      const res = await app.inject({ url: '/sparql', query: { query, timeout: '0.2' } });
      expect(res.statusCode).toBe(503);
      const stopped = lines.filter((l) => l.stopped !== undefined);
      expect(stopped).toHaveLength(1);
      expect(stopped[0]).toMatchObject({ level: 30, stopped: 'QueryTimeoutError', queryHash: expect.stringMatching(/^[0-9a-f]{16}$/) });
      expect(stopped[0]?.elapsedMs).toBeGreaterThanOrEqual(0);
      expect(JSON.stringify(lines)).not.toContain('?a ?b ?c');
      expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
    } finally {
      await app.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
