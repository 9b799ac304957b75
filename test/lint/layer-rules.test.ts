// The folder layers of README "Development" hold as lint rules: the layer rules of eslint.config.js run over small fixture trees.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { layerRules } from '../../eslint.config.js';

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));

let results: Map<string, ESLint.LintResult>;

beforeAll(async () => {
  // Only the layer rules, with the fixture tree as the project root, so its src/ is classified like the real one.
  const eslint = new ESLint({ cwd: fixtures, overrideConfigFile: true, overrideConfig: layerRules });
  const linted = await eslint.lintFiles(['src/**/*.ts']);
  results = new Map(linted.map((result) => [result.filePath.slice(fixtures.length), result]));
}, 60_000);

/** The rules that fired in one fixture file, e.g. ['boundaries/dependencies']. */
function rulesFiredIn(file: string): Array<string | null> {
  const result = results.get(file);
  if (result === undefined) throw new Error(`fixture ${file} was not linted`);
  return result.messages.map((message) => message.ruleId);
}

describe('an engine module', () => {
  it('may not import the web framework', () => {
    expect(rulesFiredIn('src/engine/imports-fastify.ts')).toEqual(['boundaries/dependencies']);
  });

  it('may not import the web kit', () => {
    expect(rulesFiredIn('src/engine/imports-web-kit.ts')).toEqual(['boundaries/dependencies']);
  });

  it('may import the base, the store port, Node built-ins and packages', () => {
    expect(rulesFiredIn('src/engine/imports-store.ts')).toEqual([]);
  });
});

describe('the store port', () => {
  it('may not import a feature', () => {
    expect(rulesFiredIn('src/store/imports-feature.ts')).toEqual(['boundaries/dependencies']);
  });
});

describe('a feature', () => {
  it("may use another feature through that feature's index.ts", () => {
    expect(rulesFiredIn('src/persons/through-index.ts')).toEqual([]);
  });

  it("may not reach into another feature's internal file", () => {
    expect(rulesFiredIn('src/persons/into-internals.ts')).toEqual(['boundaries/dependencies']);
  });

  it('may not import the local backend', () => {
    expect(rulesFiredIn('src/persons/imports-backend.ts')).toEqual(['boundaries/dependencies']);
  });

  it('may use files of its own folder', () => {
    expect(rulesFiredIn('src/citations/index.ts')).toEqual([]);
  });
});

describe('the composition root', () => {
  it('may open the store through backends/open-store.ts, which may use the local backend', () => {
    expect(rulesFiredIn('src/app.ts')).toEqual([]);
    expect(rulesFiredIn('src/backends/open-store.ts')).toEqual([]);
  });

  it('may not open the local backend itself', () => {
    expect(rulesFiredIn('src/server.ts')).toEqual(['boundaries/dependencies']);
  });
});

describe('two folders that import each other', () => {
  it('are reported as a cycle on both sides', () => {
    expect(rulesFiredIn('src/linked-data/index.ts')).toContain('import-x/no-cycle');
    expect(rulesFiredIn('src/queries/index.ts')).toContain('import-x/no-cycle');
  });

  it('are refused even without a file-level cycle: a feature uses only the features it is declared to build on', () => {
    expect(rulesFiredIn('src/persons/through-index.ts')).toEqual([]);
    expect(rulesFiredIn('src/linked-data/uses-persons.ts')).toEqual(['boundaries/dependencies']);
  });
});
