import { describe, expect, it } from 'vitest';
import { trigRunner } from '../helpers/trig-runner.js';

// Subqueries inside GRAPH ?g, evaluated per graph: the minimal query of the W3C SPARQL 1.1 test agg-empty-group-count-graph,
// which Comunica 5.4 answered with one row and ?g unbound (issue 15, item 3), and plain subqueries, which lost ?g too.
const rows = trigRunner(
  `<http://example/singleton.ttl> { :s :p :o . }
<http://example/pair.ttl> { :s :p :o2 , :o3 . }`,
  { unionDefaultGraph: false },
).lines;

describe('an aggregate subquery without GROUP BY inside GRAPH ?g', () => {
  it('counts once per named graph, 0 where nothing matches', async () => {
    expect(await rows('SELECT ?g ?c { GRAPH ?g { SELECT (COUNT(*) AS ?c) { ?s :p ?x FILTER(?x != :o) } } }')).toEqual([':pair.ttl 2', ':singleton.ttl 0']);
  });

  it('applies HAVING to each graph’s group, the empty one included', async () => {
    expect(await rows('SELECT ?g ?c { GRAPH ?g { SELECT (COUNT(*) AS ?c) { ?s :p ?x } HAVING (COUNT(*) > 1) } }')).toEqual([':pair.ttl 2']);
    expect(await rows('SELECT ?g ?c { GRAPH ?g { SELECT (COUNT(*) AS ?c) { ?s :p ?x FILTER(?x != :o) } HAVING (COUNT(*) < 1) } }')).toEqual([
      ':singleton.ttl 0',
    ]);
  });

  it('is joined with the other patterns of the same graph', async () => {
    expect(await rows('SELECT ?g ?c { GRAPH ?g { ?a ?b :o3 { SELECT (COUNT(*) AS ?c) { ?s :p ?x } } } }')).toEqual([':pair.ttl 2']);
  });
});

describe('an aggregate subquery with GROUP BY inside GRAPH ?g', () => {
  it('groups within each graph', async () => {
    expect(await rows('SELECT ?g ?s ?c { GRAPH ?g { SELECT ?s (COUNT(*) AS ?c) { ?s :p ?x } GROUP BY ?s } }')).toEqual([
      ':pair.ttl :s 2',
      ':singleton.ttl :s 1',
    ]);
  });
});

describe('an aggregate over GRAPH ?g, the graph inside the subquery', () => {
  it('still counts over all graphs at once, as written', async () => {
    expect(await rows('SELECT ?g ?c { SELECT (COUNT(*) AS ?c) { GRAPH ?g { ?s :p ?x } } }')).toEqual(['- 3']);
  });
});

describe('a subquery without aggregates inside GRAPH ?g', () => {
  it('answers in each graph, with ?g bound to it', async () => {
    expect(await rows('SELECT ?g ?x { GRAPH ?g { SELECT ?x { ?s :p ?x } } }')).toEqual([':pair.ttl :o2', ':pair.ttl :o3', ':singleton.ttl :o']);
  });

  it('keeps DISTINCT within each graph', async () => {
    expect(await rows('SELECT ?g ?s { GRAPH ?g { SELECT DISTINCT ?s { ?s :p ?x } } }')).toEqual([':pair.ttl :s', ':singleton.ttl :s']);
  });

  it('takes ?g into SELECT *', async () => {
    expect(await rows('SELECT * { GRAPH ?g { SELECT * { ?s :p ?x } ORDER BY ?x } }')).toEqual([':pair.ttl :s :o2', ':pair.ttl :s :o3', ':singleton.ttl :s :o']);
  });

  it('keeps a ?g of the subquery’s own patterns the subquery’s variable, not the graph', async () => {
    // The inner ?g is projected away: each triple answers in its graph, whatever its object.
    expect(await rows('SELECT ?g ?s { GRAPH ?g { SELECT ?s { ?s :p ?g } } }')).toEqual([':pair.ttl :s', ':pair.ttl :s', ':singleton.ttl :s']);
    expect(await rows('SELECT ?g ?s { GRAPH ?g { SELECT ?s { ?s :p ?g FILTER(?g = :o) } } }')).toEqual([':singleton.ttl :s']);
    expect(await rows('SELECT ?g ?c { GRAPH ?g { SELECT (COUNT(?g) AS ?c) { ?s :p ?g } HAVING (SAMPLE(?g) = :o) } }')).toEqual([':singleton.ttl 1']);
  });

  it('leaves a subquery that projects ?g by * alone, as the W3C test subquery02 has it', async () => {
    expect(await rows('SELECT ?x { GRAPH ?g { SELECT * { ?x ?p ?g } } }')).toEqual([]);
  });
});
