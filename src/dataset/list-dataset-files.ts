// Lists the dataset's files under its folders, sorted by name, so load order and version never depend on the file system.
import { statSync } from 'node:fs';
import path from 'node:path';
import { DataError } from '../errors/casegraph-error.js';
import { listFiles } from './list-files.js';

/** A dataset file: its name (which makes its graph IRI) and where it is read from. */
export interface DatasetFile {
  /** Posix path relative to root, or `{folder name}/…` for a folder outside root (a deployment's own data). */
  readonly file: string;
  readonly path: string;
}

/**
 * Files with one of `extensions` (e.g. `.ttl`) below each of `dirs` (relative to root, or absolute); a missing folder
 * is a DataError. A folder outside root is named by its last segment, so graph IRIs do not depend on where a
 * deployment keeps it; two files that would make the same graph stop the load naming both.
 */
export function listDatasetFiles(root: string, dirs: readonly string[], extensions: readonly string[] = ['.ttl', '.trig']): DatasetFile[] {
  const found = new Map<string, DatasetFile>();
  for (const dir of dirs) {
    const absolute = path.resolve(root, dir);
    try {
      if (!statSync(absolute).isDirectory()) throw new Error('not a folder');
    } catch {
      throw new DataError(path.isAbsolute(dir) ? `dataset folder ${dir} is missing` : `dataset folder ${dir} is missing under ${root}`);
    }
    const inside = path.relative(root, absolute);
    const outside = inside === '' || inside.startsWith('..') || path.isAbsolute(inside);
    const [base, named] = outside ? [path.dirname(absolute), path.basename(absolute)] : [root, inside.split(path.sep).join('/')];
    for (const file of listFiles(base, named, (name) => extensions.includes(path.extname(name)))) {
      const other = found.get(file);
      const fullPath = path.join(base, file);
      if (other && other.path !== fullPath) throw new DataError(`two dataset files would make the same graph: ${other.path} and ${fullPath}`, { file });
      found.set(file, { file, path: fullPath });
    }
  }
  return [...found.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
