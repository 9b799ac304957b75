import { existsSync, mkdtempSync, readdirSync, statSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../../src/config/load-config.js';
import { DataError } from '../../../src/errors/casegraph-error.js';
import { loadQuadIndex } from '../../../src/backends/local/load-quad-index.js';
import { QuadIndex } from '../../../src/backends/local/quad-index.js';
import type { QuadIndexBuffers } from '../../../src/backends/local/quad-index-buffers.js';
import { syntheticBase } from '../../helpers/synthetic-store.js';

function dataset(files: Record<string, string>): { config: Config; snapshots: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'casegraph-index-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const snapshots = path.join(root, 'snapshots');
  return { config: loadConfig({}, { root, dataDirs: ['data'], baseIri: syntheticBase, snapshotDir: snapshots }), snapshots };
}

const people = Array.from(
  { length: 50 },
  (_, i) => `<id/person/p${i}> <https://example.org/synthetic/name> "Person ${i}"@en ; <https://example.org/synthetic/knows> _:b${i % 7} .`,
).join('\n');

function bytes(buffers: QuadIndexBuffers): Buffer[] {
  return [buffers.termBytes, buffers.termOffsets, buffers.termHash, ...buffers.orders].map((b) => Buffer.from(new Uint8Array(b)));
}

describe('a second start over unchanged data', () => {
  it('attaches the snapshot of the first instead of parsing, with the same buffers and graphs', () => {
    const { config, snapshots } = dataset({ 'data/people.ttl': people, 'data/more.ttl': '<id/x> <https://example.org/synthetic/p> 1 .' });
    const first = loadQuadIndex(config);
    expect(first.fromSnapshot).toBe(false);
    expect(readdirSync(snapshots)).toEqual([`index-${first.version}.snapshot`]);
    const second = loadQuadIndex(config);
    expect(second.fromSnapshot).toBe(true);
    expect([second.version, second.graphs]).toEqual([first.version, first.graphs]);
    expect(bytes(second.buffers)).toEqual(bytes(first.buffers));
    const index = QuadIndex.attach(second.buffers);
    expect(index.size).toBe(101);
    expect(index.match(null, null, null, null).map((q) => q.object.value)).toContain('Person 7');
  });
});

describe('a snapshot that cannot be trusted', () => {
  it('of another dataset version is not used: the changed data is parsed and gets a snapshot of its own', () => {
    const { config, snapshots } = dataset({ 'data/people.ttl': people });
    const before = loadQuadIndex(config);
    writeFileSync(path.join(config.root, 'data/people.ttl'), `${people}\n<id/new> <https://example.org/synthetic/p> 2 .`);
    const after = loadQuadIndex(config);
    expect(after.version).not.toBe(before.version);
    expect(after.fromSnapshot).toBe(false);
    expect(QuadIndex.attach(after.buffers).size).toBe(101);
    expect(readdirSync(snapshots).sort()).toEqual([`index-${before.version}.snapshot`, `index-${after.version}.snapshot`].sort());
  });

  it('when truncated is said to be unusable, rebuilt from the data and written again whole', () => {
    const { config, snapshots } = dataset({ 'data/people.ttl': people });
    const first = loadQuadIndex(config);
    const file = path.join(snapshots, `index-${first.version}.snapshot`);
    const size = statSync(file).size;
    truncateSync(file, Math.floor(size / 2));
    const lines: string[] = [];
    const rebuilt = loadQuadIndex(config, { log: (line) => lines.push(line) });
    expect(rebuilt.fromSnapshot).toBe(false);
    expect(lines).toHaveLength(1);
    expect(bytes(rebuilt.buffers)).toEqual(bytes(first.buffers));
    expect(statSync(file).size).toBe(size);
    expect(loadQuadIndex(config).fromSnapshot).toBe(true);
  });
});

describe('snapshots turned off', () => {
  it('parses every time and writes nothing', () => {
    const { config, snapshots } = dataset({ 'data/people.ttl': people });
    const off = { ...config, snapshotDir: undefined };
    expect(loadQuadIndex(off).fromSnapshot).toBe(false);
    expect(loadQuadIndex(off).fromSnapshot).toBe(false);
    expect(existsSync(snapshots)).toBe(false);
  });
});

describe('a syntax error in the data', () => {
  it('stops the load naming file and line, and leaves no snapshot', () => {
    const { config, snapshots } = dataset({ 'data/a.ttl': people, 'data/b.ttl': '<id/x> <https://example.org/synthetic/p> .\n' });
    expect(() => loadQuadIndex(config)).toThrow(DataError);
    expect(() => loadQuadIndex(config)).toThrow(expect.objectContaining({ location: expect.objectContaining({ file: 'data/b.ttl', line: 1 }) }));
    expect(existsSync(snapshots) ? readdirSync(snapshots) : []).toEqual([]);
  });
});
