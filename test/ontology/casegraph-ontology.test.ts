import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/load-config.js';
import { casegraphNamespaces, owl, rdf, rdfs, skos } from '../../src/vocabulary/namespaces.js';

const base = 'http://localhost:3000/';
const ns = casegraphNamespaces(base);
const quads = new Parser({ baseIRI: base }).parse(readFileSync(path.join(projectRoot, 'ontology/casegraph.ttl'), 'utf8'));
const kinds = [owl('Class'), owl('ObjectProperty'), owl('DatatypeProperty'), skos('ConceptScheme')];
const terms = [...new Set(quads.filter((q) => q.predicate.value === rdf('type') && kinds.includes(q.object.value)).map((q) => q.subject.value))];
const has = (subject: string, predicate: string) => quads.some((q) => q.subject.value === subject && q.predicate.value === predicate && q.object.termType === 'Literal' && q.object.value.trim() !== '');

describe('the ontology', () => {
  it('declares its own terms in the cg namespace only', () => {
    expect(terms.length).toBeGreaterThan(40);
    expect(terms.filter((t) => !t.startsWith(ns.cg.iri))).toEqual([]);
  });

  it.each(terms.map((t) => t.slice(ns.cg.iri.length)))('gives cg:%s a label and a comment', (local) => {
    expect(has(ns.cg(local), rdfs('label'))).toBe(true);
    expect(has(ns.cg(local), rdfs('comment'))).toBe(true);
  });

  it('makes every event type both a subclass of cg:Event and a concept of cg:EventTypes', () => {
    const inScheme = quads.filter((q) => q.predicate.value === skos('inScheme') && q.object.value === ns.cg('EventTypes')).map((q) => q.subject.value);
    expect(inScheme.length).toBeGreaterThanOrEqual(12);
    for (const type of inScheme) {
      expect(quads.some((q) => q.subject.value === type && q.predicate.value === rdfs('subClassOf') && q.object.value === ns.cg('Event'))).toBe(true);
    }
  });
});
