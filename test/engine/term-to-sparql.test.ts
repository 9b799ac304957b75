import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { termToSparql } from '../../src/engine/term-to-sparql.js';

describe('an IRI written into a query', () => {
  it('escapes what an IRIREF may not hold, so a value can never close the IRI and continue the query', () => {
    expect(termToSparql(DataFactory.namedNode('http://example.test/a> } DELETE { ?s ?p ?o'))).toBe(
      '<http://example.test/a\\u003e\\u0020\\u007d\\u0020DELETE\\u0020\\u007b\\u0020?s\\u0020?p\\u0020?o>',
    );
  });

  it('escapes a literal datatype IRI the same way', () => {
    expect(termToSparql(DataFactory.literal('1', DataFactory.namedNode('http://example.test/t> y')))).toBe('"1"^^<http://example.test/t\\u003e\\u0020y>');
  });
});

describe('a literal written into a query', () => {
  it('escapes tab, quote, backslash and line breaks', () => {
    expect(termToSparql(DataFactory.literal('a\tb"c\\d\re\nf'))).toBe('"a\\tb\\"c\\\\d\\re\\nf"');
  });
});

describe('a blank node', () => {
  it('is refused by default: in a query it would be a fresh variable, not the node', () => {
    expect(() => termToSparql(DataFactory.blankNode('b0'))).toThrow(/BlankNode cannot be written/);
  });

  it('is written as the store names it when a writing is given', () => {
    expect(termToSparql(DataFactory.blankNode('b0'), { blankNode: (label) => `<nodeID://${label}>` })).toBe('<nodeID://b0>');
  });
});
