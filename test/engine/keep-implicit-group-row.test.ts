import { Parser, Store } from 'n3';
import { describe, expect, it } from 'vitest';
import { decodeResult } from '../../src/engine/decode-result.js';
import { QueryRunner } from '../../src/engine/query-runner.js';

// Comunica 5.4 took an aggregate over no solution for an empty answer when joining it; SPARQL gives one row (COUNT 0).
const base = 'http://example/';
const data = `@prefix : <http://example/> .
:ann a :Person . :bo a :Person . :ann :charge :c1 .
`;
const runner = new QueryRunner(new Store(new Parser().parse(data)), base);

async function rows(query: string): Promise<string[]> {
  const result = decodeResult(await runner.run({ query: `PREFIX : <${base}> ${query}`, maxResults: 1000 }));
  if (result.kind !== 'bindings') throw new Error(result.kind);
  return result.rows.map((row) => result.variables.map((v) => row[v]?.value.replace(base, ':') ?? '-').join(' ')).sort();
}

describe('a count over nothing, joined with other patterns', () => {
  it('gives its row of 0 for each person', async () => {
    expect(await rows('SELECT ?p ?n { ?p a :Person { SELECT (COUNT(*) AS ?n) { ?x :none ?y } } }')).toEqual([':ann 0', ':bo 0']);
  });

  it('answers the same alone, and filtered away by HAVING it gives no row', async () => {
    expect(await rows('SELECT ?n { { SELECT (COUNT(*) AS ?n) { ?x :none ?y } } }')).toEqual(['0']);
    expect(await rows('SELECT ?p ?n { ?p a :Person { SELECT (COUNT(*) AS ?n) { ?x :none ?y } HAVING (COUNT(*) > 0) } }')).toEqual([]);
  });
});

describe('a grouped count over nothing', () => {
  it('has no group and so no row', async () => {
    expect(await rows('SELECT ?p ?x ?n { ?p a :Person { SELECT ?x (COUNT(*) AS ?n) { ?x :none ?y } GROUP BY ?x } }')).toEqual([]);
  });
});
