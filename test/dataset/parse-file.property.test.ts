import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors/casegraph-error.js';
import { parseFile } from '../../src/dataset/read-dataset.js';
import { syntheticBase } from '../helpers/synthetic-store.js';

// Property tests: the Turtle loader reads any text into quads or refuses it with a DataError naming the file; nothing else escapes.

const valid = `@prefix ex: <http://example.test/vocab#> .
<id/person/p1> a ex:Person ; ex:name "Person \\"one\\""@en ; ex:number 1 ; ex:knows [ ex:name "anon" ] , _:b1 .
_:b1 ex:list ( 1 2.5 "x" ) ; ex:date "2012-03"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .
`;

/** Valid Turtle cut, spliced and sprinkled with text: the shapes a broken data file really takes. */
const mangled = fc.oneof(
  fc.tuple(fc.nat(valid.length), fc.nat(valid.length)).map(([a, b]) => valid.slice(0, Math.min(a, b)) + valid.slice(Math.max(a, b))),
  fc.tuple(fc.nat(valid.length), fc.string({ maxLength: 12 })).map(([at, text]) => valid.slice(0, at) + text + valid.slice(at)),
  fc
    .tuple(fc.nat(valid.length), fc.constantFrom('<', '>', '"', '"""', '@', '^^', ';', '.', '[', ']', '(', ')', '\\u', '\\', '_:', '#', '\u0000', '\uD800'))
    .map(([at, text]) => valid.slice(0, at) + text + valid.slice(at)),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
);

describe('parseFile', () => {
  it('reads the unmangled sample: 14 quads, the list as 6', () => {
    expect(parseFile('data/sample.ttl', valid, syntheticBase).length).toBe(14);
  });

  it('returns quads or throws a DataError naming the file, for any text', () => {
    fc.assert(
      fc.property(mangled, fc.constantFrom('data/x.ttl', 'data/x.trig'), (text, file) => {
        try {
          const quads = parseFile(file, text, syntheticBase);
          expect(Array.isArray(quads)).toBe(true);
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(DataError);
          expect((error as DataError).location?.file).toBe(file);
        }
      }),
      { numRuns: 400 },
    );
  });
});
