import { describe, expect, it } from 'vitest';
import { trigRunner } from '../helpers/trig-runner.js';

// Comunica 5.4 took an aggregate over no solution for an empty answer when joining it; SPARQL gives one row (COUNT 0).
const rows = trigRunner(':ann a :Person . :bo a :Person . :ann :charge :c1 .').lines;

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
