// Synthetic test data under http://example.test/: the real ontology plus a made-up case whose literals try to break pages.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/config/load-config.js';

export const ontologyFile = readFileSync(path.join(projectRoot, 'ontology/casegraph.ttl'), 'utf8');

export const hostileName = '<script>alert("x")</script> & Sons';

const prefixes = `@prefix cg: <ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dct: <http://purl.org/dc/terms/> .
`;

/** A person with a hostile name, a case, a dated event, an undated event after it and one with no stated order. */
export const syntheticCase = `${prefixes}
<id/source/s1> a cg:Source ; rdfs:label "Synthetic source"@en ; dct:title "A title with <b>tags</b>" ; cg:excerpt "made up" ; prov:wasDerivedFrom <id/source/s1> .
<id/person/p1> a schema:Person ; rdfs:label ${JSON.stringify(hostileName)}@en ; schema:name ${JSON.stringify(hostileName)} ;
    cg:excerpt "quote with \\"quotes\\" and <i>markup</i>" ; prov:wasDerivedFrom <id/source/s1> .
<id/case/p1> a cg:Case ; rdfs:label "Case p1"@en ; cg:concernsPerson <id/person/p1> ;
    cg:hasEvent <id/event/e1>, <id/event/e2>, <id/event/e3> ; cg:excerpt "x" ; prov:wasDerivedFrom <id/source/s1> .
<id/event/e1> a cg:Arrest ; rdfs:label "Arrest e1"@en ; dct:date "2001-02"^^xsd:gYearMonth ; cg:concernsPerson <id/person/p1> ; cg:excerpt "x" ; prov:wasDerivedFrom <id/source/s1> .
<id/event/e2> a cg:Detention ; rdfs:label "Detention e2"@en ; cg:occurredAfter <id/event/e1> ; cg:concernsPerson <id/person/p1> ; cg:excerpt "x" ; prov:wasDerivedFrom <id/source/s1> .
<id/place/ürümqi> a schema:Place ; rdfs:label "Ürümqi (synthetic)"@en ; schema:name "Ürümqi" ; cg:excerpt "x" ; prov:wasDerivedFrom <id/source/s1> .
<id/event/e3> a cg:Publication ; rdfs:label "Publication e3"@en ; cg:concernsPerson <id/person/p1> ; cg:excerpt "x" ; prov:wasDerivedFrom <id/source/s1> .
`;

export { prefixes as syntheticPrefixes };
