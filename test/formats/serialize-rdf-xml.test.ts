import { DataFactory } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import type { Quad } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import { NotAcceptableError } from '../../src/errors/casegraph-error.js';
import { serializeContext } from '../../src/formats/result-formats.js';
import { serializeRdfXml } from '../../src/formats/serialize-rdf-xml.js';
import { serializeSparqlXml } from '../../src/formats/serialize-sparql-xml.js';
import { parseRdfXml } from '../helpers/parse-rdf-xml.js';

const { namedNode, literal, blankNode, quad, defaultGraph } = DataFactory;
const base = 'http://example.test/';
const context = serializeContext(base);
const ex = (local: string) => namedNode(`${base}${local}`);
const xsd = (local: string) => namedNode(`http://www.w3.org/2001/XMLSchema#${local}`);

const parse = (xml: string) => parseRdfXml(xml, base);
const write = (quads: Quad[]) => serializeRdfXml({ kind: 'quads', quads, truncated: false }, context);

describe('RDF/XML', () => {
  it('parses back to the same graph, whatever the literals hold', async () => {
    const hostile = '<script>alert("x")</script> & ]]> \'quoted\'\ttab\nnewline\r\nCRLF  spaces ';
    const graph = [
      quad(ex('id/person/x'), namedNode('http://www.w3.org/2000/01/rdf-schema#label'), literal(hostile, 'en')),
      quad(ex('id/person/x'), namedNode('https://schema.org/name'), literal(hostile)),
      quad(ex('id/person/x'), ex('ontology#statedAge'), literal('32', xsd('integer'))),
      quad(ex('id/person/x'), namedNode('http://purl.org/dc/terms/date'), literal('2009-07', xsd('gYearMonth'))),
      quad(ex('id/person/x'), ex('ontology#heldAt'), ex('id/place/a?b=1&c=2')),
      quad(ex('id/person/x'), ex('ontology#note'), blankNode('n1')),
      quad(blankNode('n1'), namedNode('http://www.w3.org/2000/01/rdf-schema#comment'), literal('Ürümqi, 乌鲁木齐', 'ug-Latn')),
      quad(ex('id/person/x'), namedNode('http://example.org/vocab/p_1'), literal('')),
    ];
    const xml = write(graph);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF')).toBe(true);
    expect(xml).toContain('xmlns:schema="https://schema.org/"');
    expect(xml).toContain('xmlns:cg="http://example.test/ontology#"');
    expect(isomorphic(await parse(xml), graph)).toBe(true);
  });

  it('writes an empty graph as an empty rdf:RDF', async () => {
    const xml = write([]);
    expect(await parse(xml)).toEqual([]);
  });

  it('refuses, with a 406, what XML cannot say instead of writing broken XML', async () => {
    const control = [quad(ex('s'), ex('p'), literal('bell \u0007'))];
    expect(() => serializeRdfXml({ kind: 'quads', quads: control, truncated: false }, context)).toThrow(NotAcceptableError);
    expect(() => serializeRdfXml({ kind: 'quads', quads: control, truncated: false }, context)).toThrow(/U\+0007/);
    const nameless = [quad(ex('s'), namedNode('http://example.org/123'), literal('x'))];
    expect(() => serializeRdfXml({ kind: 'quads', quads: nameless, truncated: false }, context)).toThrow(/<http:\/\/example\.org\/123> has no XML name/);
    const named = [quad(ex('s'), ex('p'), literal('x'), ex('graph'))];
    expect(() => serializeRdfXml({ kind: 'quads', quads: named, truncated: false }, context)).toThrow(/named graphs/);
    expect(serializeRdfXml({ kind: 'quads', quads: [quad(ex('s'), ex('p'), literal('x'), defaultGraph())], truncated: false }, context)).toMatch(
      /<(ns\d+):p>x<\/\1:p>/,
    );
  });
});

describe('RDF/XML property names', () => {
  const one = (predicate: string) => [quad(ex('s'), namedNode(predicate), literal('x'))];
  const writes = (predicate: string) => serializeRdfXml({ kind: 'quads', quads: one(predicate), truncated: false }, context);

  it('writes names XML allows, even ones starting with "xml", and reads them back', async () => {
    for (const predicate of ['http://example.org/xmlfoo', 'http://example.org/ns#étape', 'http://example.org/v1.2/p·q', 'http://example.org/a_1-b']) {
      expect(isomorphic(await parse(writes(predicate)), one(predicate)), predicate).toBe(true);
    }
  });

  it('refuses with a 406 what no XML name or RDF/XML property element can say', () => {
    for (const predicate of [
      'http://example.org/a²',
      'http://example.org/ns#',
      'http://www.w3.org/2000/xmlns/p',
      'http://www.w3.org/1999/02/22-rdf-syntax-ns#li',
      'http://www.w3.org/1999/02/22-rdf-syntax-ns#about',
      'http://www.w3.org/1999/02/22-rdf-syntax-ns#Description',
    ]) {
      expect(() => writes(predicate), predicate).toThrow(NotAcceptableError);
    }
    expect(writes('http://www.w3.org/1999/02/22-rdf-syntax-ns#_1')).toContain('<rdf:_1>x</rdf:_1>');
  });
});

describe('SPARQL XML', () => {
  it('refuses, with a 406, a literal XML 1.0 cannot carry', () => {
    const rows = [{ x: literal('nul \u0000 here') }];
    expect(() => serializeSparqlXml({ kind: 'bindings', variables: ['x'], rows, truncated: false }, context)).toThrow(NotAcceptableError);
  });
});
