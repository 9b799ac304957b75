import { Readable } from 'node:stream';
import jsonld from 'jsonld';
import { DataFactory, Parser } from 'n3';
import { SparqlJsonParser } from 'sparqljson-parse';
import { SparqlXmlParser } from 'sparqlxml-parse';
import type { Quad, Term } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import { findResultFormat, formatsFor, resultFormats, serializeContext } from '../../src/formats/result-formats.js';
import type { FormatName } from '../../src/formats/result-formats.js';
import type { QueryResult } from '../../src/store/graph-store.js';
import { readCsv } from '../helpers/read-csv.js';

const { namedNode, literal, blankNode, quad } = DataFactory;
const base = 'http://example.test/';
const context = serializeContext(base);
const xsd = (local: string) => namedNode(`http://www.w3.org/2001/XMLSchema#${local}`);

const tricky = 'say "hi",\tthen\nleave\\now\r';
const rows: Array<Record<string, Term>> = [
  { iri: namedNode('http://example.test/a'), text: literal(tricky), lang: literal('Urumchi', 'en') },
  { iri: namedNode('http://example.test/b?x=1&y=<2>'), number: literal('42', xsd('integer')), dec: literal('1.5', xsd('decimal')) },
  { bnode: blankNode('b0'), date: literal('2009-07-14', xsd('date')) },
];
const select: QueryResult = { kind: 'bindings', variables: ['iri', 'text', 'lang', 'number', 'dec', 'bnode', 'date'], rows, truncated: false };
const truncatedSelect: QueryResult = { ...select, truncated: true };
const ask: QueryResult = { kind: 'boolean', value: true };
const graph: Quad[] = [
  quad(namedNode('http://example.test/id/person/x'), namedNode('http://example.test/ontology#name'), literal(tricky)),
  quad(namedNode('http://example.test/id/person/x'), namedNode('https://schema.org/birthDate'), literal('2009-07', xsd('gYearMonth'))),
  quad(namedNode('http://example.test/id/person/x'), namedNode('http://www.w3.org/2000/01/rdf-schema#label'), literal('X', 'ug')),
];
const construct: QueryResult = { kind: 'quads', quads: graph, truncated: false };

async function serialize(name: FormatName, result: QueryResult): Promise<string> {
  const format = findResultFormat(name);
  if (!format) throw new Error(`no format ${name}`);
  return format.serialize(result, context);
}

function sameTerms(actual: Array<Record<string, Term>>, expected: Array<Record<string, Term>>): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    const want = expected[i] as Record<string, Term>;
    expect(Object.keys(row).sort()).toEqual(Object.keys(want).sort());
    for (const [name, term] of Object.entries(want)) expect(row[name]?.equals(term), `${name} in row ${i}`).toBe(true);
  });
}

function collect<T>(stream: NodeJS.ReadableStream): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const items: T[] = [];
    stream.on('data', (item: T) => items.push(item));
    stream.on('error', reject);
    stream.on('end', () => resolve(items));
  });
}

describe('the format registry', () => {
  it('has one entry per short name, each with a media type, kinds and a W3C format IRI', () => {
    expect(resultFormats.map((f) => f.name)).toEqual(['json', 'xml', 'csv', 'tsv', 'turtle', 'ntriples', 'nquads', 'trig', 'jsonld', 'rdfxml']);
    for (const format of resultFormats) {
      expect(format.mediaType).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
      expect(format.formatIri).toMatch(/^http:\/\/www\.w3\.org\/ns\/formats\//);
    }
  });

  it('offers SPARQL JSON first for SELECT and ASK, Turtle first for graphs', () => {
    expect(formatsFor('bindings').map((f) => f.name)).toEqual(['json', 'xml', 'csv', 'tsv']);
    expect(formatsFor('boolean')[0]?.name).toBe('json');
    expect(formatsFor('quads').map((f) => f.name)).toEqual(['turtle', 'ntriples', 'nquads', 'trig', 'jsonld', 'rdfxml']);
  });

  it('knows no format by an unknown name', () => {
    expect(findResultFormat('yaml')).toBeUndefined();
  });
});

describe('SPARQL JSON', () => {
  it('parses back to the same terms, with standard members only', async () => {
    const text = await serialize('json', select);
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['head', 'results']);
    expect(parsed.head).toEqual({ vars: select.kind === 'bindings' ? select.variables : [] });
    const bindings = new SparqlJsonParser({ prefixVariableQuestionMark: false }).parseJsonResults(parsed);
    sameTerms(
      bindings.map((b) => Object.fromEntries(Object.entries(b))),
      rows,
    );
  });

  it('marks a truncated answer with the documented head link', async () => {
    const parsed = JSON.parse(await serialize('json', truncatedSelect));
    expect(parsed.head.link).toEqual(['http://example.test/sparql#truncated']);
  });

  it('writes ASK as a boolean', async () => {
    expect(JSON.parse(await serialize('json', ask))).toEqual({ head: {}, boolean: true });
  });
});

describe('SPARQL XML', () => {
  it('parses back to the same terms', async () => {
    const text = await serialize('xml', select);
    const parser = new SparqlXmlParser({ prefixVariableQuestionMark: false });
    const bindings = await collect<Record<string, Term>>(parser.parseXmlResultsStream(Readable.from([text])));
    sameTerms(bindings, rows);
  });

  it('marks a truncated answer with the same link in its head', async () => {
    const text = await serialize('xml', truncatedSelect);
    expect(text).toContain('<link href="http://example.test/sparql#truncated"/>');
    expect(await serialize('xml', select)).not.toContain('<link');
  });

  it('writes ASK as a boolean', async () => {
    const text = await serialize('xml', ask);
    expect(await new SparqlXmlParser().parseXmlBooleanStream(Readable.from([text]))).toBe(true);
  });
});

describe('CSV', () => {
  it('writes a header and lexical forms, quoting fields with quotes, commas or line breaks', async () => {
    const text = await serialize('csv', select);
    expect(text.split('\r\n')[0]).toBe('iri,text,lang,number,dec,bnode,date');
    expect(readCsv(text)).toEqual([
      ['iri', 'text', 'lang', 'number', 'dec', 'bnode', 'date'],
      ['http://example.test/a', tricky, 'Urumchi', '', '', '', ''],
      ['http://example.test/b?x=1&y=<2>', '', '', '42', '1.5', '', ''],
      ['', '', '', '', '', '_:b0', '2009-07-14'],
    ]);
    expect(text).toContain('"say ""hi"",');
  });

  it('writes ASK as a one-column table', async () => {
    expect(await serialize('csv', ask)).toBe('_askResult\r\ntrue\r\n');
  });
});

describe('TSV', () => {
  it('writes terms in SPARQL syntax with escapes, so every row keeps its columns', async () => {
    const text = await serialize('tsv', select);
    const lines = text.split('\n');
    expect(lines[0]).toBe('?iri\t?text\t?lang\t?number\t?dec\t?bnode\t?date');
    expect(lines).toHaveLength(5);
    expect(lines.slice(1, 4).every((line) => line.split('\t').length === 7)).toBe(true);
    expect(lines[1]).toBe('<http://example.test/a>\t"say \\"hi\\",\\tthen\\nleave\\\\now\\r"\t"Urumchi"@en\t\t\t\t');
    expect(lines[2]).toBe('<http://example.test/b?x=1&y=<2>>\t\t\t42\t1.5\t\t'.replace('<2>>', '<2\\u003e>'));
    expect(lines[3]).toBe('\t\t\t\t\t_:b0\t"2009-07-14"^^<http://www.w3.org/2001/XMLSchema#date>');
  });

  it('reads back into the same literals through a Turtle parser', async () => {
    const [, first] = (await serialize('tsv', select)).split('\n');
    const text = (first as string).split('\t')[1] as string;
    const [parsed] = new Parser().parse(`<http://example.test/s> <http://example.test/p> ${text} .`);
    expect(parsed?.object.equals(literal(tricky))).toBe(true);
  });
});

describe('graph formats', () => {
  it.each(['turtle', 'ntriples', 'nquads', 'trig'] as const)('%s parses back to the same triples', async (name) => {
    const text = await serialize(name, construct);
    const format = findResultFormat(name)?.mediaType;
    const parsed = new Parser({ format: format === 'application/n-triples' ? 'N-Triples' : format }).parse(text);
    expect(parsed).toHaveLength(graph.length);
    for (const q of graph) expect(parsed.some((p) => p.equals(q))).toBe(true);
  });

  it('Turtle abbreviates with the casegraph prefixes under the base', async () => {
    const text = await serialize('turtle', construct);
    expect(text).toContain('@prefix cg: <http://example.test/ontology#>.');
    expect(text).toContain('cg:name');
  });

  it('JSON-LD is compact with an inline context and converts back to the same triples', async () => {
    const text = await serialize('jsonld', construct);
    const document = JSON.parse(text);
    expect(typeof document['@context']).toBe('object');
    const nquads = (await jsonld.toRDF(document, { format: 'application/n-quads' })) as unknown as string;
    const parsed = new Parser({ format: 'N-Quads' }).parse(nquads);
    expect(parsed).toHaveLength(graph.length);
    for (const q of graph) expect(parsed.some((p) => p.equals(q))).toBe(true);
  });
});
