import { describe, expect, it } from 'vitest';
import { trigRunner } from '../helpers/trig-runner.js';

// The minimal query of the W3C SPARQL 1.0 test graph-optional, which Comunica 5.4 answered with four rows instead of one (issue 15, item 3).
const rows = trigRunner(
  `<http://example/data-optional.ttl> { :s :p :o . :s2 :p <http://example/data-optional.ttl> . }
<http://example/data-g1.ttl> { :x :p 1 . :a :p 9 . }`,
  { unionDefaultGraph: false },
).records;

describe('a graph variable that an OPTIONAL inside the GRAPH group mentions', () => {
  it('is joined with the graph name after the OPTIONAL, which drops the rows it bound to anything else', async () => {
    expect(await rows('SELECT ?g ?s { GRAPH ?g { ?s ?p ?o OPTIONAL { ?s ?p ?g } } }')).toEqual([{ g: ':data-optional.ttl', s: ':s2' }]);
  });

  it('shows no stand-in variable in SELECT *', async () => {
    const answer = await rows('SELECT * { GRAPH ?g { ?s ?p ?o OPTIONAL { ?s ?p ?g } } }');
    expect(answer).toEqual([{ g: ':data-optional.ttl', s: ':s2', p: ':p', o: ':data-optional.ttl' }]);
  });

  it('leaves an OPTIONAL that does not mention the graph variable as it was', async () => {
    const answer = await rows('SELECT ?g ?s ?v { GRAPH ?g { ?s ?p ?o OPTIONAL { ?s <http://example/q> ?v } } } ORDER BY ?s');
    expect(answer.map((r) => r.s)).toEqual([':a', ':s', ':s2', ':x']);
  });
});
