import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSnapshot, snapshotFile, writeSnapshot } from '../../../src/backends/local/index-snapshot.js';

function sharedBytes(length: number, seed: number): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(length);
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed) & 0xff;
  return buffer;
}

const meta = { quads: 3, terms: 7, note: 'ünïcode' };

function written(): { dir: string; file: string; buffers: Record<string, SharedArrayBuffer> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'casegraph-snapshot-'));
  const file = snapshotFile(dir, 'abcdef0123456789');
  // Odd lengths and an empty buffer: padding and offsets must not depend on round sizes.
  const buffers = { terms: sharedBytes(1001, 1), spo: sharedBytes(4 * 333, 2), empty: new SharedArrayBuffer(0) };
  writeSnapshot(file, { version: 'abcdef0123456789', meta, buffers });
  return { dir, file, buffers };
}

function log(): { lines: string[]; log: (line: string) => void } {
  const lines: string[] = [];
  return { lines, log: (line) => lines.push(line) };
}

describe('a snapshot written and read back', () => {
  it('gives byte-identical buffers, in SharedArrayBuffers, and the same meta', () => {
    const { file, buffers } = written();
    const read = readSnapshot<typeof meta>(file, 'abcdef0123456789');
    expect(read?.meta).toEqual(meta);
    expect(Object.keys(read?.buffers ?? {})).toEqual(['terms', 'spo', 'empty']);
    for (const [name, buffer] of Object.entries(buffers)) {
      const back = read?.buffers[name];
      expect(back).toBeInstanceOf(SharedArrayBuffer);
      expect(Buffer.from(new Uint8Array(back as SharedArrayBuffer)).equals(Buffer.from(new Uint8Array(buffer)))).toBe(true);
    }
  });

  it('names the file after the dataset version and leaves no temporary file beside it', () => {
    const { dir } = written();
    expect(readdirSync(dir)).toEqual(['index-abcdef0123456789.snapshot']);
  });
});

describe('a snapshot that must not be trusted', () => {
  it('of another dataset version is refused, saying why', () => {
    const { file } = written();
    const { lines, log: logLine } = log();
    expect(readSnapshot(file, '0000000000000000', { log: logLine })).toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(/dataset version "abcdef0123456789", not 0000000000000000/)]);
  });

  it('cut short is refused', () => {
    const { file } = written();
    truncateSync(file, readFileSync(file).length - 100);
    const { lines, log: logLine } = log();
    expect(readSnapshot(file, 'abcdef0123456789', { log: logLine })).toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(/truncated/)]);
  });

  it('with one byte flipped inside a buffer is refused', () => {
    const { file } = written();
    const bytes = readFileSync(file);
    const offset = bytes.length - 32 - 64 * 21 + 10; // 'spo' (1,332 bytes, padded to 21 x 64) is the last non-empty buffer
    bytes[offset] = (bytes[offset] as number) ^ 0x01;
    writeFileSync(file, bytes);
    const { lines, log: logLine } = log();
    expect(readSnapshot(file, 'abcdef0123456789', { log: logLine })).toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(/checksum mismatch/)]);
  });

  it('with the wrong magic is refused', () => {
    const { file } = written();
    const bytes = readFileSync(file);
    bytes.write('NOTSNAP!', 0, 'latin1');
    writeFileSync(file, bytes);
    const { lines, log: logLine } = log();
    expect(readSnapshot(file, 'abcdef0123456789', { log: logLine })).toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(/wrong magic/)]);
  });

  it('of another format version is refused', () => {
    const { file } = written();
    const bytes = readFileSync(file);
    bytes.writeUInt32LE(99, 8);
    writeFileSync(file, bytes);
    const { lines, log: logLine } = log();
    expect(readSnapshot(file, 'abcdef0123456789', { log: logLine })).toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(/format version 99/)]);
  });

  it('that does not exist is simply absent, without a log line', () => {
    const { lines, log: logLine } = log();
    expect(readSnapshot(path.join(tmpdir(), 'no-such-casegraph-snapshot'), 'abcdef0123456789', { log: logLine })).toBeUndefined();
    expect(lines).toEqual([]);
  });
});

describe('a snapshot write that fails', () => {
  it.skipIf(process.getuid?.() === 0)('throws and leaves neither the snapshot nor a partial file in a folder it cannot write', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'casegraph-snapshot-'));
    chmodSync(dir, 0o500);
    try {
      const file = snapshotFile(dir, 'abcdef0123456789');
      expect(() => writeSnapshot(file, { version: 'abcdef0123456789', meta, buffers: { a: sharedBytes(10, 0) } })).toThrow(/EACCES/);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('at the last step (the rename) removes its temporary file and leaves what stood under the name', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'casegraph-snapshot-'));
    const file = snapshotFile(dir, 'abcdef0123456789');
    // A non-empty folder under the snapshot's name: every byte gets written, then rename fails.
    mkdirSync(file);
    writeFileSync(path.join(file, 'keep'), 'x');
    expect(() => writeSnapshot(file, { version: 'abcdef0123456789', meta, buffers: { a: sharedBytes(10, 0) } })).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readdirSync(dir)).toEqual(['index-abcdef0123456789.snapshot']);
    expect(readdirSync(file)).toEqual(['keep']);
  });

  it('because the folder is missing throws, and creates nothing', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'casegraph-snapshot-')), 'missing');
    expect(() => writeSnapshot(snapshotFile(dir, 'abcdef0123456789'), { version: 'abcdef0123456789', meta, buffers: {} })).toThrow(/ENOENT/);
    expect(existsSync(dir)).toBe(false);
  });
});
