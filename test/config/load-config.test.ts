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

describe('BASE_IRI', () => {
  it('defaults to the local server and refuses what cannot be a base', () => {
    expect(loadConfig({}).baseIri).toBe('http://localhost:3000/');
    expect(loadConfig({ BASE_IRI: 'https://casegraph.example.org/' }).baseIri).toBe('https://casegraph.example.org/');
    expect(() => loadConfig({ BASE_IRI: 'https://casegraph.example.org' })).toThrow(/ending in '\//);
    expect(() => loadConfig({ BASE_IRI: 'ftp://x/' })).toThrow(/BASE_IRI must be an http\(s\) IRI/);
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
