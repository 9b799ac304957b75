// Loads every saved query under queries/ at startup; a bad front matter or bad SPARQL stops startup naming file and line.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CasegraphError, DataError } from '../errors/casegraph-error.js';
import { QueryAnalyzer } from '../engine/query-analyzer.js';
import { listFiles } from '../dataset/list-files.js';
import { parseQueryFile } from './parse-query-file.js';
import type { SavedQuery } from './saved-query.js';

export interface QueryCatalog {
  /** Sorted by name. */
  readonly queries: readonly SavedQuery[];
  get(name: string): SavedQuery | undefined;
}

/** Reads `root/dir/**\/*.rq`; a missing folder is an empty catalog. */
export function loadQueryCatalog(root: string, baseIri: string, dir = 'queries'): QueryCatalog {
  const files = listQueryFiles(root, dir);
  const analyzer = new QueryAnalyzer(baseIri);
  const queries = files.map((file) => {
    const text = readFileSync(path.join(root, file), 'utf8');
    let sparql: Pick<SavedQuery, 'form' | 'variables'>;
    try {
      sparql = analyzer.analyze(text);
    } catch (error) {
      if (error instanceof CasegraphError) {
        throw new DataError(error.message, { file, line: error.location?.line, column: error.location?.column }, { cause: error });
      }
      throw error;
    }
    const name = path.posix.relative(dir, file).replace(/\.rq$/, '');
    return parseQueryFile(file, name, text, sparql);
  });
  const byName = new Map(queries.map((q) => [q.name, q]));
  return { queries, get: (name) => byName.get(name) };
}

function listQueryFiles(root: string, dir: string): string[] {
  try {
    if (!statSync(path.join(root, dir)).isDirectory()) throw new DataError(`${dir} must be a folder`, { file: dir });
  } catch (error) {
    if (error instanceof DataError) throw error;
    return [];
  }
  // queries/tables/ holds the SPARQL behind /api/tables (src/tables/), which fill tables rather than answer questions.
  const tables = `${dir}/tables/`;
  return listFiles(root, dir, (name) => name.endsWith('.rq')).filter((file) => !file.startsWith(tables));
}
