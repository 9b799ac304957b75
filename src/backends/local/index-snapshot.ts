// A binary snapshot of named SharedArrayBuffers keyed by dataset version: a restart with unchanged data reads it instead of parsing.
import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';

/**
 * Layout, all integers little-endian:
 *   magic (8 bytes) | format version (u32) | header length (u32) | header (UTF-8 JSON) | zero padding to 64
 *   | each buffer, zero-padded to a multiple of 64 | SHA-256 (32 bytes) over every byte before it.
 * The header holds the dataset version, the meta and each buffer's name, offset and byte length. 64-byte
 * alignment lets any typed array (and a cache line) sit at a buffer's start; since each buffer is read into
 * a SharedArrayBuffer of its own, the padding is for the file's sake, kept so a mapped reader could use it too.
 */
const magic = Buffer.from('CGSNAP\r\n', 'latin1');
export const snapshotFormatVersion = 1;
const align = 64;
const prefixBytes = 16;
const checksumBytes = 32;

export interface Snapshot<Meta> {
  readonly meta: Meta;
  readonly buffers: Record<string, SharedArrayBuffer>;
}

export interface SnapshotContent<Meta> extends Snapshot<Meta> {
  /** The dataset version the buffers were built from; readSnapshot trusts the file only for the same version. */
  readonly version: string;
}

interface Header {
  readonly version: string;
  readonly meta: unknown;
  readonly buffers: ReadonlyArray<{ readonly name: string; readonly offset: number; readonly byteLength: number }>;
}

/** `dir/index-{version}.snapshot`: the version in the name lets old and new snapshots sit side by side during a rollout. */
export function snapshotFile(dir: string, version: string): string {
  if (!/^[\w.-]+$/.test(version)) throw new Error(`dataset version ${JSON.stringify(version)} cannot be part of a file name`);
  return path.join(dir, `index-${version}.snapshot`);
}

/**
 * Writes to a temporary file beside `file`, flushes it and renames it into place, so `file` is either the old
 * snapshot, absent, or complete; on any failure the temporary file is removed and the error thrown.
 */
export function writeSnapshot<Meta>(file: string, content: SnapshotContent<Meta>): void {
  const names = Object.keys(content.buffers);
  const buffers: Array<Header['buffers'][number]> = [];
  // Offsets depend on the header's length, which depends on the offsets' digits: lay out until stable.
  let headerBytes = Buffer.alloc(0);
  for (let dataStart = 0, laidOut = -1; laidOut !== dataStart;) {
    laidOut = dataStart;
    buffers.length = 0;
    let offset = dataStart;
    for (const name of names) {
      const byteLength = (content.buffers[name] as SharedArrayBuffer).byteLength;
      buffers.push({ name, offset, byteLength });
      offset += padded(byteLength);
    }
    headerBytes = Buffer.from(JSON.stringify({ version: content.version, meta: content.meta, buffers } satisfies Header), 'utf8');
    dataStart = padded(prefixBytes + headerBytes.length);
  }
  const prefix = Buffer.alloc(prefixBytes);
  magic.copy(prefix, 0);
  prefix.writeUInt32LE(snapshotFormatVersion, 8);
  prefix.writeUInt32LE(headerBytes.length, 12);

  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx');
    const hash = createHash('sha256');
    const write = (bytes: Uint8Array): void => {
      hash.update(bytes);
      for (let done = 0; done < bytes.length;) done += writeSync(fd as number, bytes, done, bytes.length - done);
    };
    write(prefix);
    write(headerBytes);
    write(zeros(padded(prefixBytes + headerBytes.length) - prefixBytes - headerBytes.length));
    for (const { name, byteLength } of buffers) {
      write(new Uint8Array(content.buffers[name] as SharedArrayBuffer));
      write(zeros(padded(byteLength) - byteLength));
    }
    const checksum = hash.digest();
    for (let done = 0; done < checksum.length;) done += writeSync(fd, checksum, done, checksum.length - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, file);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}

export interface ReadSnapshotOptions {
  /** Told, in one line, why a snapshot that exists was not used; a missing file is not reported. */
  readonly log?: (line: string) => void;
}

/**
 * The snapshot's meta and buffers, each buffer read straight into a SharedArrayBuffer of its own; undefined when
 * the file is missing or is not a complete, intact snapshot of `expectedVersion` in this format (never trusted:
 * the caller rebuilds and overwrites it).
 */
export function readSnapshot<Meta>(file: string, expectedVersion: string, options: ReadSnapshotOptions = {}): Snapshot<Meta> | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      options.log?.(`snapshot ${file} not used: cannot open it (${(error as NodeJS.ErrnoException).code})`);
    return undefined;
  }
  try {
    const result = readOpen<Meta>(fd, expectedVersion);
    if (typeof result === 'string') {
      options.log?.(`snapshot ${file} not used: ${result}`);
      return undefined;
    }
    return result;
  } catch (error) {
    options.log?.(`snapshot ${file} not used: ${(error as Error).message}`);
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The snapshot, or why not. */
function readOpen<Meta>(fd: number, expectedVersion: string): Snapshot<Meta> | string {
  const size = fstatSync(fd).size;
  if (size < prefixBytes + checksumBytes) return 'too short to be a snapshot';
  const prefix = Buffer.alloc(prefixBytes);
  if (!readFully(fd, prefix, 0)) return 'too short to be a snapshot';
  if (!prefix.subarray(0, magic.length).equals(magic)) return 'not a casegraph snapshot (wrong magic)';
  const format = prefix.readUInt32LE(8);
  if (format !== snapshotFormatVersion) return `format version ${format}, this build reads ${snapshotFormatVersion}`;
  const headerLength = prefix.readUInt32LE(12);
  if (prefixBytes + headerLength + checksumBytes > size) return 'truncated (header runs past the end)';
  const headerBytes = Buffer.alloc(headerLength);
  if (!readFully(fd, headerBytes, prefixBytes)) return 'truncated (header)';
  let header: Header;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as Header;
  } catch {
    return 'header is not valid JSON';
  }
  if (header.version !== expectedVersion) return `built from dataset version ${JSON.stringify(header.version)}, not ${expectedVersion}`;
  const dataStart = padded(prefixBytes + headerLength);
  let expectedSize = dataStart;
  for (const { offset, byteLength } of header.buffers) {
    if (offset !== expectedSize || !Number.isSafeInteger(byteLength) || byteLength < 0) return 'header describes an impossible layout';
    expectedSize += padded(byteLength);
  }
  if (size !== expectedSize + checksumBytes) return `${size} bytes, the header describes ${expectedSize + checksumBytes} (truncated or extended)`;

  const hash = createHash('sha256');
  hash.update(prefix);
  hash.update(headerBytes);
  hash.update(zeros(dataStart - prefixBytes - headerLength));
  const buffers: Record<string, SharedArrayBuffer> = {};
  for (const { name, offset, byteLength } of header.buffers) {
    const buffer = new SharedArrayBuffer(byteLength);
    const bytes = new Uint8Array(buffer);
    if (!readFully(fd, bytes, offset)) return `truncated (buffer ${name})`;
    hash.update(bytes);
    const padding = padded(byteLength) - byteLength;
    if (padding > 0) {
      const pad = Buffer.alloc(padding);
      if (!readFully(fd, pad, offset + byteLength)) return `truncated (buffer ${name})`;
      hash.update(pad);
    }
    buffers[name] = buffer;
  }
  const checksum = Buffer.alloc(checksumBytes);
  if (!readFully(fd, checksum, expectedSize)) return 'truncated (checksum)';
  if (!hash.digest().equals(checksum)) return 'checksum mismatch (corrupted)';
  return { meta: header.meta as Meta, buffers };
}

/** readSync may return fewer bytes than asked (large reads, some file systems); false when the file ends first. */
function readFully(fd: number, target: Uint8Array, position: number): boolean {
  for (let done = 0; done < target.length;) {
    const read = readSync(fd, target, done, target.length - done, position + done);
    if (read === 0) return false;
    done += read;
  }
  return true;
}

function padded(length: number): number {
  return Math.ceil(length / align) * align;
}

function zeros(length: number): Uint8Array {
  return new Uint8Array(length);
}
