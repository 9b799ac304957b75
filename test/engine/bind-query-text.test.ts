import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { bindQueryText } from '../../src/engine/bind-query-text.js';
import { termToSparql } from '../../src/engine/term-to-sparql.js';

const base = 'http://example.test/';
const person = DataFactory.namedNode('http://example.test/id/person/p1');

describe('a query text with a variable bound', () => {
  it('writes the term wherever the parser found the variable, and nowhere else', () => {
    const text =
      '# ?_person_iri in a comment\nSELECT ?name WHERE {\n  { BIND(?_person_iri AS ?who) } UNION { ?who <knows> ?_person_iri }\n  ?who <name> ?name . FILTER(?name != "?_person_iri")\n}\n';
    expect(bindQueryText(text, { _person_iri: person }, base)).toBe(
      '# ?_person_iri in a comment\nSELECT ?name WHERE {\n  { BIND(<http://example.test/id/person/p1> AS ?who) } UNION { ?who <knows> <http://example.test/id/person/p1> }\n  ?who <name> ?name . FILTER(?name != "?_person_iri")\n}\n',
    );
  });

  it('leaves a variable that has no binding, and the text as it is when nothing is bound', () => {
    const text = 'SELECT * WHERE { ?s ?p ?__name }';
    expect(bindQueryText(text, {}, base)).toBe(text);
    expect(bindQueryText(text, { other: person }, base)).toBe(text);
  });

  it('gives no text where a term cannot stand (a projection, a BIND target, VALUES, GROUP BY)', () => {
    for (const text of [
      'SELECT ?v WHERE { ?v ?p ?o }',
      'SELECT * WHERE { BIND(1 AS ?v) }',
      'SELECT * WHERE { VALUES ?v { 1 } }',
      'SELECT (COUNT(*) AS ?n) WHERE { ?v ?p ?o } GROUP BY ?v',
    ]) {
      expect(bindQueryText(text, { v: person }, base), text).toBeUndefined();
    }
  });

  it('writes literals quoted and escaped, with their language or datatype', () => {
    expect(termToSparql(DataFactory.literal('say "hi"\n\\'))).toBe('"say \\"hi\\"\\n\\\\"');
    expect(termToSparql(DataFactory.literal('Imin', 'en'))).toBe('"Imin"@en');
    expect(termToSparql(DataFactory.literal('2012', DataFactory.namedNode('http://www.w3.org/2001/XMLSchema#gYear')))).toBe(
      '"2012"^^<http://www.w3.org/2001/XMLSchema#gYear>',
    );
    const bound = bindQueryText('SELECT ?s WHERE { ?s <name> ?_name }', { _name: DataFactory.literal('a "b"') }, base);
    expect(bound).toBe('SELECT ?s WHERE { ?s <name> "a \\"b\\"" }');
  });
});
