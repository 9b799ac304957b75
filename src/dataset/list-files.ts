// Lists the files below a folder, recursively, as sorted posix paths relative to the root: load order never depends on the file system.
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Files under `root/dir` whose name `accept` keeps, e.g. `listFiles(root, 'queries', (name) => name.endsWith('.rq'))`. */
export function listFiles(root: string, dir: string, accept: (name: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && accept(entry.name)) found.push(child);
    }
  };
  walk(dir);
  return found.sort();
}
