import { describe, expect, it } from 'vitest';
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import { derivedGraphIris, GraphDeriver } from '../../src/dataset/graph-deriver.js';
import { casegraphNamespaces, dct, rdf, rdfs, xsd } from '../../src/vocabulary/namespaces.js';

const { namedNode, literal, quad } = DataFactory;
const base = 'http://example.test/';
const cg = casegraphNamespaces(base).cg;
const ex = (local: string) => namedNode(`http://example.test/x/${local}`);
const file = namedNode(`${base}graph/data/x`);
const axioms: Quad[] = [
  quad(namedNode(cg('Arrest')), namedNode(rdfs('subClassOf')), namedNode(cg('Event'))),
  quad(namedNode(cg('Event')), namedNode(rdfs('subClassOf')), ex('Happening')),
  quad(namedNode(cg('campaignFor')), namedNode(rdfs('subPropertyOf')), namedNode(cg('concernsPerson'))),
];

function derive(data: Quad[], ontology: Quad[] = axioms): Map<string, string[]> {
  const deriver = new GraphDeriver(base, ontology);
  for (const q of data) deriver.observe(q);
  const lines = (quads: readonly Quad[]) => quads.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`);
  return new Map(deriver.finish().map((g) => [g.iri, lines(g.quads)]));
}

describe('the entailment graph', () => {
  const iri = derivedGraphIris(base).entailment;

  it('adds every super-class and super-property, transitively, and the schema closure itself', () => {
    const entailed = derive([
      quad(ex('a'), namedNode(rdf('type')), namedNode(cg('Arrest')), file),
      quad(ex('c'), namedNode(cg('campaignFor')), ex('p'), file),
    ]).get(iri);
    expect([...(entailed ?? [])].sort()).toEqual(
      [
        `${cg('Arrest')} ${rdfs('subClassOf')} http://example.test/x/Happening`,
        `http://example.test/x/a ${rdf('type')} ${cg('Event')}`,
        `http://example.test/x/a ${rdf('type')} http://example.test/x/Happening`,
        `http://example.test/x/c ${cg('concernsPerson')} http://example.test/x/p`,
      ].sort(),
    );
  });

  it('leaves out what a file already states', () => {
    const entailed = derive([
      quad(ex('a'), namedNode(rdf('type')), namedNode(cg('Arrest')), file),
      quad(ex('a'), namedNode(rdf('type')), namedNode(cg('Event')), file),
    ]).get(iri);
    expect(entailed).not.toContain(`http://example.test/x/a ${rdf('type')} ${cg('Event')}`);
    expect(entailed).toContain(`http://example.test/x/a ${rdf('type')} http://example.test/x/Happening`);
  });

  it('follows no axiom a data file states', () => {
    const entailed = derive(
      [quad(ex('Sneaky'), namedNode(rdfs('subClassOf')), namedNode(cg('Event')), file), quad(ex('s'), namedNode(rdf('type')), ex('Sneaky'), file)],
      [],
    ).get(iri);
    expect(entailed).toEqual([]);
  });
});

describe('the date intervals graph', () => {
  const iri = derivedGraphIris(base).dateIntervals;
  const date = (subject: string, value: string, type: string) => quad(ex(subject), namedNode(dct('date')), literal(value, namedNode(xsd(type))), file);

  it('gives each dated node its first and last day', () => {
    expect(derive([date('opinion', '2012-03', 'gYearMonth'), date('arrest', '2009-07-14', 'date')]).get(iri)).toEqual([
      `http://example.test/x/arrest ${cg('earliestDate')} 2009-07-14`,
      `http://example.test/x/arrest ${cg('latestDate')} 2009-07-14`,
      `http://example.test/x/opinion ${cg('earliestDate')} 2012-03-01`,
      `http://example.test/x/opinion ${cg('latestDate')} 2012-03-31`,
    ]);
  });

  it('spans both dates when sources disagree, and skips an ill-formed one', () => {
    expect(derive([date('e', '2012', 'gYear'), date('e', '2013-05', 'gYearMonth'), date('bad', '2009-13-45', 'date')]).get(iri)).toEqual([
      `http://example.test/x/e ${cg('earliestDate')} 2012-01-01`,
      `http://example.test/x/e ${cg('latestDate')} 2013-05-31`,
    ]);
  });
});
