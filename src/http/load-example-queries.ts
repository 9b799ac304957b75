// Reads the example queries under queries/ with their grlc front matter (`#+ summary: ...`); a malformed file stops startup.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DataError } from '../errors/casegraph-error.js';

export interface ExampleQuery {
  /** Path relative to the project root, e.g. `queries/cases/charges.rq`. */
  readonly file: string;
  /** The grlc `summary`, shown as the menu label. */
  readonly summary: string;
  /** Further grlc decorators (description, tags, ...), as written. */
  readonly decorators: Readonly<Record<string, string | readonly string[]>>;
  /** The whole file, front matter included: SPARQL reads it as comments. */
  readonly query: string;
}

/** Every `.rq` file below `root/dir`, sorted by path; a missing folder means no examples. */
export function loadExampleQueries(root: string, dir = 'queries'): ExampleQuery[] {
  const absolute = path.join(root, dir);
  let isFolder = false;
  try {
    isFolder = statSync(absolute).isDirectory();
  } catch {
    return [];
  }
  if (!isFolder) throw new DataError(`${dir} must be a folder`, { file: dir });
  const files: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && entry.name.endsWith('.rq')) files.push(child);
    }
  };
  walk(dir);
  return files.sort().map((file) => parseExampleQuery(file, readFileSync(path.join(root, file), 'utf8')));
}

/**
 * grlc decorators are YAML inside `#+` comment lines at the top of the file. We read the subset grlc's
 * examples use (`key: value` and `- item` lists) and refuse anything else, naming the line.
 */
export function parseExampleQuery(file: string, text: string): ExampleQuery {
  const lines = text.split(/\r?\n/);
  const decorators: Record<string, string | string[]> = {};
  let listKey: string | undefined;
  let lineNo = 0;
  for (const line of lines) {
    lineNo += 1;
    if (!line.startsWith('#+')) break;
    const content = line.slice(2);
    if (content.trim() === '') continue;
    const item = /^\s+-\s*(.*)$/.exec(content);
    if (item) {
      const list = listKey === undefined ? undefined : decorators[listKey];
      if (!Array.isArray(list)) throw new DataError('a list item must follow a "key:" line', { file, line: lineNo, column: 3 });
      list.push(unquote(item[1]!));
      continue;
    }
    const pair = /^\s?([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(content);
    if (!pair) throw new DataError(`cannot read grlc decorator ${JSON.stringify(content.trim())}: want "#+ key: value"`, { file, line: lineNo, column: 3 });
    const [, key = '', value] = pair;
    if (key in decorators) throw new DataError(`grlc decorator ${key} is given twice`, { file, line: lineNo, column: 4 });
    if (value === undefined || value.trim() === '') {
      decorators[key] = [];
      listKey = key;
    } else {
      decorators[key] = unquote(value.trim());
      listKey = undefined;
    }
  }
  const summary = decorators.summary;
  if (typeof summary !== 'string' || summary === '') {
    throw new DataError('the query file must start with "#+ summary: ..." (grlc front matter)', { file, line: 1 });
  }
  if (!lines.some((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))) {
    throw new DataError('the query file has front matter but no query', { file, line: lines.length });
  }
  return { file, summary, decorators, query: text };
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2]! : value;
}
