// Lists the dataset's files under its folders, sorted, so load order and version never depend on the file system.
import { statSync } from 'node:fs';
import path from 'node:path';
import { DataError } from '../errors/casegraph-error.js';
import { listFiles } from './list-files.js';

/** Files relative to root with one of `extensions` (e.g. `.ttl`), below each of `dirs`; a missing folder is a DataError. */
export function listDatasetFiles(root: string, dirs: readonly string[], extensions: readonly string[] = ['.ttl', '.trig']): string[] {
  const found: string[] = [];
  for (const dir of dirs) {
    try {
      if (!statSync(path.join(root, dir)).isDirectory()) throw new Error('not a folder');
    } catch {
      throw new DataError(`dataset folder ${dir} is missing under ${root}`);
    }
    found.push(...listFiles(root, dir, (name) => extensions.includes(path.extname(name))));
  }
  return found.sort();
}
