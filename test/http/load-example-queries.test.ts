import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors/casegraph-error.js';
import { loadExampleQueries, parseExampleQuery } from '../../src/http/load-example-queries.js';

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'casegraph-queries-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

function thrown(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

describe('example query files', () => {
  it('are read recursively, sorted by path, labelled by their grlc summary', () => {
    const root = folder({
      'queries/b/second.rq': '#+ summary: Second query\n#+ tags:\n#+   - people\nSELECT * { ?s ?p ?o }\n',
      'queries/a-first.rq': '#+ summary: "First query"\n#+ description: Lists things.\nASK {}\n',
      'queries/readme.txt': 'not a query',
    });
    const examples = loadExampleQueries(root);
    expect(examples.map((e) => [e.file, e.summary])).toEqual([
      ['queries/a-first.rq', 'First query'],
      ['queries/b/second.rq', 'Second query'],
    ]);
    expect(examples[1]?.decorators.tags).toEqual(['people']);
    expect(examples[0]?.query).toContain('ASK {}');
  });

  it('are none when there is no queries folder', () => {
    expect(loadExampleQueries(folder({}))).toEqual([]);
  });

  it('without a summary stop startup, naming the file', () => {
    const error = thrown(() => loadExampleQueries(folder({ 'queries/bad.rq': 'SELECT * { ?s ?p ?o }\n' })));
    expect(error.describe()).toMatch(/^queries\/bad\.rq:1: .*summary/);
  });

  it('with an unreadable decorator line stop startup, naming file and line', () => {
    const error = thrown(() => parseExampleQuery('queries/x.rq', '#+ summary: fine\n#+ this is not yaml\nASK {}\n'));
    expect(error.location).toMatchObject({ file: 'queries/x.rq', line: 2 });
  });

  it('with front matter but no query stop startup', () => {
    const error = thrown(() => parseExampleQuery('queries/y.rq', '#+ summary: nothing below\n'));
    expect(error.location?.file).toBe('queries/y.rq');
  });
});
