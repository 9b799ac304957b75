// The prefixes of casegraph's data files, in the order the hand-written files declare them; casegraph's own are base-relative.
import { dct, prov, rdf, rdfs, schema, skos, xsd } from './namespaces.js';

/** Prefix and namespace, in a stable order, so a written file's head never changes; relative ones resolve against BASE_IRI. */
export const dataFilePrefixes: ReadonlyArray<readonly [string, string]> = [
  ['cg', 'ontology#'],
  ['person', 'id/person/'],
  ['case', 'id/case/'],
  ['event', 'id/event/'],
  ['claim', 'id/claim/'],
  ['source', 'id/source/'],
  ['org', 'id/organisation/'],
  ['place', 'id/place/'],
  ['charge', 'id/concept/charge/'],
  ['sentence', 'id/concept/sentence-type/'],
  ['rdf', rdf.iri],
  ['rdfs', rdfs.iri],
  ['xsd', xsd.iri],
  ['skos', skos.iri],
  ['schema', schema.iri],
  ['prov', prov.iri],
  ['dct', dct.iri],
];
