import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError } from '../../src/errors/casegraph-error.js';
import { parseQueryFile } from '../../src/queries/index.js';
import { bindQueryParameters } from '../../src/queries/bind-query-parameters.js';
import { syntheticApp, syntheticBase, type SyntheticApp } from '../helpers/synthetic-app.js';

// Property tests: any parameter values a client sends are bound as terms or refused with a 400, never a crash or a 5xx.

const typed = `#+ summary: One parameter of each kind
PREFIX ex: <http://example.test/vocab#>
SELECT ?person WHERE {
  ?person ex:name ?name ; ex:number ?number .
  OPTIONAL { ?person ex:livesIn ?__place_iri }
  FILTER(?name != ?__name || ?number > ?__above_integer || STR(?__when_date) != "" || ?__ratio_decimal > 0 || ?__flag_boolean || ?__label_en != "")
}
`;

/** Values a client might type, and values made to break a query. */
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('" } ; DELETE WHERE { ?s ?p ?o } #', 'x> } UNION { ?s ?p ?o } #', 'http://example.test/id/place/l1', 'id/place/l2', '1e999', '-0', '2020-02-30', 'urn:x', 'file:///etc/passwd', ''),
  fc.webUrl(),
  fc.integer().map(String),
);
const names = fc.constantFrom('name', 'above', 'place', 'when', 'ratio', 'flag', 'label', 'page', 'format', 'other');
const input = fc.dictionary(names, fc.oneof(value, fc.array(value, { minLength: 2, maxLength: 3 })), { maxKeys: 5 });

describe('bindQueryParameters', () => {
  const query = parseQueryFile('queries/test/typed.rq', 'test/typed', typed, { form: 'select', variables: ['person'] });

  it('gives a term for each given parameter or throws a 400, for any input', () => {
    fc.assert(
      fc.property(input, (given) => {
        try {
          const bound = bindQueryParameters(query, given, syntheticBase, ['page']);
          for (const term of Object.values(bound)) expect(['NamedNode', 'Literal']).toContain(term.termType);
          for (const name of Object.keys(bound)) expect(query.parameters.map((p) => p.variable)).toContain(name);
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(BadRequestError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('a saved query through the server', () => {
  let s: SyntheticApp;
  beforeAll(async () => {
    s = await syntheticApp({}, { 'queries/test/typed.rq': typed });
  });
  afterAll(async () => s?.close());

  it('answers any parameters with a status below 500 and never changes the store', async () => {
    const size = s.store.size;
    // The route is there and runs: without this, a 404 for every try would pass as "below 500".
    expect((await s.app.inject({ url: '/api/queries/test/typed?name=Person%201&above=3' })).statusCode).toBe(200);
    await fc.assert(
      fc.asyncProperty(input, async (given) => {
        const params = new URLSearchParams();
        for (const [name, v] of Object.entries(given)) for (const one of typeof v === 'string' ? [v] : v) params.append(name, one);
        const response = await s.app.inject({ url: `/api/queries/test/typed?${params.toString()}` });
        expect(response.statusCode, `${params.toString()} -> ${response.body.slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    expect(s.store.size).toBe(size);
  });
});
