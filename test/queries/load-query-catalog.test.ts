import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors/casegraph-error.js';
import { loadQueryCatalog } from '../../src/queries/load-query-catalog.js';

const base = 'http://example.test/';

function catalogOf(files: Record<string, string>) {
  const root = mkdtempSync(path.join(tmpdir(), 'casegraph-queries-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, 'queries', file)), { recursive: true });
    writeFileSync(path.join(root, 'queries', file), text);
  }
  return () => loadQueryCatalog(root, base);
}

function failure(load: () => unknown): DataError {
  try {
    load();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected the catalog to refuse the file');
}

const select = 'SELECT ?s WHERE { ?s ?p ?o }\n';

describe('a well-formed saved query', () => {
  const load = catalogOf({
    'people/by-year.rq': [
      '#+ summary: People by year',
      '#+ description: "Counts: per year"',
      '#+ tags:',
      '#+   - people',
      '#+ defaults:',
      '#+   - kind: http://example.test/k',
      '#+ enumerate:',
      '#+   - label:',
      '#+     - a',
      '#+     - b',
      '#+   - kind',
      '#+ pagination: 20',
      'SELECT ?s ?kind WHERE { ?s <http://example.test/year> ?_year_integer ; <http://example.test/label> ?__label_en ; a ?__kind_iri .',
      '  FILTER(?s != "?_notAParameter") # ?_norThisOne',
      '}',
    ].join('\n'),
  });

  it('is named by its path and carries its decorators', () => {
    const [query] = load().queries;
    expect(query).toMatchObject({ name: 'people/by-year', file: 'queries/people/by-year.rq', summary: 'People by year', description: 'Counts: per year', tags: ['people'], pageSize: 20, form: 'select', variables: ['s', 'kind'] });
  });

  it('reads BASIL parameters with their types, leaving strings and comments alone', () => {
    const [query] = load().queries;
    expect(query?.parameters.map((p) => [p.name, p.variable, p.required, p.typeName, p.default, p.values, p.enumerateFromData])).toEqual([
      ['year', '_year_integer', true, 'integer', undefined, undefined, false],
      ['label', '__label_en', false, 'en', undefined, ['a', 'b'], false],
      ['kind', '__kind_iri', false, 'iri', 'http://example.test/k', undefined, true],
    ]);
  });
});

describe('a saved query that cannot be used', () => {
  it.each([
    ['no front matter', select, /starts with grlc front matter/, 1],
    ['no summary', `#+ description: x\n${select}`, /summary:" is required/, 1],
    ['an unknown decorator', `#+ summary: x\n#+ endpoint: http://elsewhere.example/sparql\n${select}`, /unknown grlc decorator "endpoint"/, 2],
    ['a non-GET method', `#+ summary: x\n#+ method: POST\n${select}`, /may only be GET/, 2],
    ['bad YAML', `#+ summary: x\n#+ tags: [a\n${select}`, /^front matter: /, 2],
    ['a bad page size', `#+ summary: x\n#+ pagination: -3\n${select}`, /pagination:" must be a positive whole number/, 2],
    ['a default for a missing parameter', `#+ summary: x\n#+ defaults:\n#+   - who: y\n${select}`, /names parameter "who", but the query has no/, 3],
    ['an unknown parameter type', `#+ summary: x\nSELECT * WHERE { ?s ?p ?_o_banana }\n`, /unknown parameter type "_banana"/, 2],
    ['a SPARQL syntax error', `#+ summary: x\nSELECT * WHERE {\n  ?s ?p\n}\n`, /./, 4],
    ['an update', `#+ summary: x\nDELETE WHERE { ?s ?p ?o }\n`, /update|read-only/i, undefined],
  ])('with %s stops loading, naming file and line', (_case, text, message, line) => {
    const error = failure(catalogOf({ 'bad.rq': text }));
    expect(error.location?.file).toBe('queries/bad.rq');
    expect(error.message).toMatch(message);
    if (line !== undefined) expect(error.location?.line).toBe(line);
  });
});

describe('no queries folder', () => {
  it('is an empty catalog', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'casegraph-noqueries-'));
    expect(loadQueryCatalog(root, base).queries).toEqual([]);
  });
});
