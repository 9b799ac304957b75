import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, projectRoot } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/errors/casegraph-error.js';

describe('HOST', () => {
  it('binds to loopback when unset, empty or blank', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '  ' }).host).toBe('127.0.0.1');
  });

  it('binds elsewhere only when told so', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});

describe('the number settings', () => {
  it('take their default when empty, and stop startup naming the variable when malformed or out of range', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^PORT must be a whole number, got "eighty"$/);
    expect(() => loadConfig({ QUERY_TIMEOUT_MS: '0' })).toThrow(/^QUERY_TIMEOUT_MS must be between 1 and/);
  });
});

describe('CACHE_MB', () => {
  it('defaults to 256, takes 0 to turn the response cache off, and refuses what is not a size', () => {
    expect(loadConfig({}).cacheMb).toBe(256);
    expect(loadConfig({ CACHE_MB: '0' }).cacheMb).toBe(0);
    expect(loadConfig({ CACHE_MB: '64' }).cacheMb).toBe(64);
    expect(() => loadConfig({ CACHE_MB: '-1' })).toThrow(/^CACHE_MB must be a whole number, got "-1"$/);
    expect(() => loadConfig({ CACHE_MB: '100000' })).toThrow(/^CACHE_MB must be between 0 and 65536/);
  });
});

describe('QUERY_WORKER_NICE', () => {
  it("defaults to 10, takes 0 to leave the workers at the request thread's priority, and refuses what nice cannot mean", () => {
    expect(loadConfig({}).queryWorkerNice).toBe(10);
    expect(loadConfig({ QUERY_WORKER_NICE: '0' }).queryWorkerNice).toBe(0);
    expect(loadConfig({ QUERY_WORKER_NICE: '19' }).queryWorkerNice).toBe(19);
    expect(() => loadConfig({ QUERY_WORKER_NICE: '20' })).toThrow(/^QUERY_WORKER_NICE must be between 0 and 19/);
    expect(() => loadConfig({ QUERY_WORKER_NICE: '-5' })).toThrow(/^QUERY_WORKER_NICE must be a whole number, got "-5"$/);
  });
});

describe('the fair-use limits', () => {
  it('default to a queue of 64, 2 queries per client, 1 reserved worker, 250 ms for cheap, 60 s of query time a minute, and no key header', () => {
    expect(loadConfig({})).toMatchObject({
      queryQueueSize: 64,
      queriesPerClient: 2,
      reservedWorkers: 1,
      cheapQueryMs: 250,
      queryBudgetMs: 60_000,
      apiKeyHeader: undefined,
    });
  });

  it('are read from the environment, and a bad one stops startup naming it', () => {
    const config = loadConfig({
      QUERY_QUEUE_SIZE: '0',
      QUERIES_PER_CLIENT: '5',
      RESERVED_WORKERS: '2',
      CHEAP_QUERY_MS: '100',
      QUERY_BUDGET_MS: '0',
      API_KEY_HEADER: 'X-Api-Key',
    });
    expect(config).toMatchObject({
      queryQueueSize: 0,
      queriesPerClient: 5,
      reservedWorkers: 2,
      cheapQueryMs: 100,
      queryBudgetMs: 0,
      apiKeyHeader: 'x-api-key',
    });
    expect(() => loadConfig({ QUERIES_PER_CLIENT: '0' })).toThrow(/^QUERIES_PER_CLIENT must be between 1 and/);
    expect(() => loadConfig({ QUERY_BUDGET_MS: 'lots' })).toThrow(/^QUERY_BUDGET_MS must be a whole number, got "lots"$/);
    expect(() => loadConfig({ API_KEY_HEADER: 'x api key' })).toThrow(/^API_KEY_HEADER must be an HTTP header name/);
    expect(loadConfig({ API_KEY_HEADER: ' ' }).apiKeyHeader).toBeUndefined();
  });
});

describe('BASE_IRI', () => {
  it('defaults to the local server and refuses what cannot be a base', () => {
    expect(loadConfig({}).baseIri).toBe('http://localhost:3000/');
    expect(loadConfig({ BASE_IRI: 'https://casegraph.example.org/' }).baseIri).toBe('https://casegraph.example.org/');
    expect(() => loadConfig({ BASE_IRI: 'https://casegraph.example.org' })).toThrow(/ending in '\//);
    expect(() => loadConfig({ BASE_IRI: 'ftp://x/' })).toThrow(/BASE_IRI must be an http\(s\) IRI/);
  });
});

describe('PUBLIC_BASE_IRI', () => {
  it('is unset when absent or empty (the draft then cites BASE_IRI) and refuses what cannot be a base', () => {
    expect(loadConfig({}).publicBaseIri).toBeUndefined();
    expect(loadConfig({ PUBLIC_BASE_IRI: ' ' }).publicBaseIri).toBeUndefined();
    expect(loadConfig({ PUBLIC_BASE_IRI: 'https://casegraph.example.org/' }).publicBaseIri).toBe('https://casegraph.example.org/');
    expect(() => loadConfig({ PUBLIC_BASE_IRI: 'https://casegraph.example.org' })).toThrow(/ending in '\//);
    expect(() => loadConfig({ PUBLIC_BASE_IRI: 'ftp://x/' })).toThrow(/PUBLIC_BASE_IRI must be an http\(s\) IRI/);
  });
});

describe('DATA_DIRS', () => {
  it('serves ontology/ and data/ when unset or empty', () => {
    expect(loadConfig({}).dataDirs).toEqual(['ontology', 'data']);
    expect(loadConfig({ DATA_DIRS: ' ' }).dataDirs).toEqual(['ontology', 'data']);
  });

  it('replaces data/ with the named folders, resolved against the working directory, and keeps the ontology', () => {
    const one = mkdtempSync(path.join(tmpdir(), 'casegraph-data-'));
    const two = mkdtempSync(path.join(tmpdir(), 'casegraph-data-'));
    expect(loadConfig({ DATA_DIRS: `${one}, ${path.relative(process.cwd(), two)}` }).dataDirs).toEqual(['ontology', one, two]);
  });

  it('stops startup naming the setting and the folder that is not one', () => {
    expect(() => loadConfig({ DATA_DIRS: 'no/such/folder' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIRS: 'no/such/folder' })).toThrow(/^DATA_DIRS: "no\/such\/folder" is not a folder \(resolved to /);
  });
});

describe('SNAPSHOT_DIR', () => {
  it('defaults to .cache/casegraph under the project root, is turned off by off or empty, and resolves a folder', () => {
    expect(loadConfig({}).snapshotDir).toBe(path.join(projectRoot, '.cache/casegraph'));
    expect(loadConfig({ SNAPSHOT_DIR: 'off' }).snapshotDir).toBeUndefined();
    expect(loadConfig({ SNAPSHOT_DIR: 'OFF' }).snapshotDir).toBeUndefined();
    expect(loadConfig({ SNAPSHOT_DIR: ' ' }).snapshotDir).toBeUndefined();
    expect(loadConfig({ SNAPSHOT_DIR: '/var/cache/casegraph' }).snapshotDir).toBe('/var/cache/casegraph');
    expect(loadConfig({ SNAPSHOT_DIR: 'snapshots' }).snapshotDir).toBe(path.resolve('snapshots'));
    expect(() => loadConfig({ SNAPSHOT_DIR: 'a\0b' })).toThrow(/SNAPSHOT_DIR/);
  });
});
