// The endpoint's SPARQL 1.1 Service Description, built from what this server really offers and the loaded graphs.
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import type { GraphStore } from '../store/graph-store.js';
import { entailment, rdf, rdfs, sd, voidNs, xsd } from '../vocabulary/namespaces.js';

const { namedNode, blankNode, literal, quad } = DataFactory;

export interface DescribedFormat {
  /** IRI from the W3C formats namespace (http://www.w3.org/ns/formats/). */
  readonly formatIri: string;
}

/**
 * Features stated here are those the engine setup guarantees: the default graph is the union of the
 * named graphs (one per file). No update language, no SERVICE (BasicFederatedQuery) and no
 * dereferencing of FROM IRIs, so those are deliberately absent.
 */
export function serviceDescription(endpoint: string, store: GraphStore, formats: readonly DescribedFormat[]): Quad[] {
  const service = namedNode(endpoint);
  const dataset = blankNode('dataset');
  const defaultGraph = blankNode('defaultGraph');
  const quads: Quad[] = [
    quad(service, namedNode(rdf('type')), namedNode(sd('Service'))),
    quad(service, namedNode(rdfs('label')), literal('casegraph SPARQL endpoint (read-only)', 'en')),
    quad(service, namedNode(sd('endpoint')), service),
    quad(service, namedNode(sd('supportedLanguage')), namedNode(sd('SPARQL11Query'))),
    quad(service, namedNode(sd('feature')), namedNode(sd('UnionDefaultGraph'))),
    quad(service, namedNode(sd('defaultEntailmentRegime')), namedNode(entailment('Simple'))),
    // Simple entailment, over data that already holds what RDFS sub-class/sub-property reasoning with our own
    // ontology adds: not the RDFS regime (no domain, range or axiomatic triples), so it is said in words.
    quad(
      service,
      namedNode(rdfs('comment')),
      literal(
        'Simple entailment. Materialised at load time, in named graphs of their own that the default graph includes: the RDFS sub-class and sub-property closure of the casegraph ontology only (never of axioms stated in data files), and cg:earliestDate / cg:latestDate for every dct:date. A query whose default-graph-uri names only source graphs sees neither.',
        'en',
      ),
    ),
  ];
  for (const iri of [...new Set(formats.map((f) => f.formatIri))]) {
    quads.push(quad(service, namedNode(sd('resultFormat')), namedNode(iri)));
  }
  quads.push(
    quad(service, namedNode(sd('defaultDataset')), dataset),
    quad(dataset, namedNode(rdf('type')), namedNode(sd('Dataset'))),
    quad(dataset, namedNode(sd('defaultGraph')), defaultGraph),
    quad(defaultGraph, namedNode(rdf('type')), namedNode(sd('Graph'))),
    quad(defaultGraph, namedNode(rdfs('comment')), literal('The union of all named graphs, the derived ones included.', 'en')),
  );
  store.graphs.forEach((graph, index) => {
    const named = blankNode(`namedGraph${index}`);
    const description = blankNode(`graph${index}`);
    quads.push(
      quad(dataset, namedNode(sd('namedGraph')), named),
      quad(named, namedNode(rdf('type')), namedNode(sd('NamedGraph'))),
      quad(named, namedNode(sd('name')), namedNode(graph.iri)),
      quad(named, namedNode(sd('graph')), description),
      quad(description, namedNode(rdf('type')), namedNode(sd('Graph'))),
      quad(description, namedNode(voidNs('triples')), literal(String(graph.size), namedNode(xsd('integer')))),
    );
    if (graph.derived === true) quads.push(quad(description, namedNode(rdfs('comment')), literal(`${graph.file}.`, 'en')));
  });
  return quads;
}
