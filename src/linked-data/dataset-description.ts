// The VoID and DCAT description of the dataset: what data/dataset.ttl states, plus counts, partitions, dumps and checksums.
import { DataFactory } from 'n3';
import type { Quad, Quad_Object, Quad_Subject } from '@rdfjs/types';
import { dcat, dct, foaf, ianaMediaTypes, rdf, relativeNamespaces, spdx, voidNs, xsd } from '../vocabulary/namespaces.js';
import type { DumpSet } from './build-dumps.js';
import { sortTriples } from './describe-resource.js';
import { distinctTriples, tripleKey, type ResourceGraph } from './resource-graph.js';

const { namedNode, blankNode, literal, quad } = DataFactory;

/** The dataset's IRI, `{base}id/dataset/casegraph`. */
export function datasetIri(baseIri: string): string {
  return baseIri + relativeNamespaces.dataset;
}

/**
 * Blank nodes get labels derived from what they describe, so the same version always serialises to the same bytes.
 * Counts are over the union graph (distinct triples), the view /sparql gives by default.
 */
export async function datasetDescription(graph: ResourceGraph, dumps: DumpSet): Promise<Quad[]> {
  const base = graph.baseIri;
  const dataset = namedNode(datasetIri(base));
  const out: Quad[] = [];
  const add = (s: Quad_Subject, p: string, o: Quad_Object): void => void out.push(quad(s, namedNode(p), o));
  const integer = (n: number) => literal(String(n), namedNode(xsd('integer')));

  // What data/dataset.ttl states (title, description, license, publisher, modified), blank nodes included.
  const stated = [dataset as Quad_Subject];
  // The array iterator also visits the blank nodes pushed while it runs.
  for (const subject of stated) {
    for (const q of await graph.outgoing(subject)) {
      out.push(q);
      if (q.object.termType === 'BlankNode') stated.push(q.object);
    }
  }

  const document = namedNode(base + relativeNamespaces.datasetDescription);
  add(document, rdf('type'), namedNode(voidNs('DatasetDescription')));
  add(document, foaf('primaryTopic'), dataset);

  // One pass over the stream: the counts need each distinct triple once, never the whole graph in an array.
  const seen = new Set<string>();
  const entities = new Set<string>();
  const classes = new Map<string, Set<string>>();
  const properties = new Map<string, number>();
  for await (const q of graph.store.matchStream({})) {
    const key = tripleKey(q);
    if (seen.has(key)) continue;
    seen.add(key);
    if (q.subject.termType === 'NamedNode' && q.subject.value.startsWith(base)) entities.add(q.subject.value);
    properties.set(q.predicate.value, (properties.get(q.predicate.value) ?? 0) + 1);
    if (q.predicate.value === rdf('type'))
      classes.set(q.object.value, (classes.get(q.object.value) ?? new Set()).add(`${q.subject.termType}:${q.subject.value}`));
  }
  add(dataset, rdf('type'), namedNode(voidNs('Dataset')));
  add(dataset, rdf('type'), namedNode(dcat('Dataset')));
  add(dataset, dcat('version'), literal(dumps.version));
  add(dataset, voidNs('triples'), integer(seen.size));
  add(dataset, voidNs('uriSpace'), literal(base + relativeNamespaces.id));
  add(dataset, voidNs('sparqlEndpoint'), namedNode(base + relativeNamespaces.sparqlEndpoint));
  add(dataset, voidNs('rootResource'), namedNode(base + relativeNamespaces.ontologyDocument));
  add(dataset, voidNs('entities'), integer(entities.size));

  const service = blankNode('sparql-service');
  add(dataset, dcat('accessService'), service);
  add(service, rdf('type'), namedNode(dcat('DataService')));
  add(service, dcat('endpointURL'), namedNode(base + relativeNamespaces.sparqlEndpoint));
  add(service, dcat('servesDataset'), dataset);

  const license = (await graph.iris(dataset, dct('license')))[0];
  for (const d of dumps.dumps) {
    const url = namedNode(`${base}${relativeNamespaces.dumps}${d.name}`);
    const distribution = blankNode(`distribution-${d.name.replace(/[^A-Za-z0-9]/g, '-')}`);
    const checksum = blankNode(`checksum-${d.name.replace(/[^A-Za-z0-9]/g, '-')}`);
    if (/\.(ttl|nt|nq|trig|jsonld)$/.test(d.name)) add(dataset, voidNs('dataDump'), url);
    add(dataset, dcat('distribution'), distribution);
    add(distribution, rdf('type'), namedNode(dcat('Distribution')));
    add(distribution, dct('title'), literal(d.name));
    add(distribution, dct('description'), literal(d.description, 'en'));
    add(distribution, dcat('downloadURL'), url);
    add(distribution, dcat('mediaType'), namedNode(ianaMediaTypes(d.mediaType)));
    add(distribution, dcat('byteSize'), literal(String(d.size), namedNode(xsd('nonNegativeInteger'))));
    if (license) add(distribution, dct('license'), license);
    add(distribution, spdx('checksum'), checksum);
    add(checksum, rdf('type'), namedNode(spdx('Checksum')));
    add(checksum, spdx('algorithm'), namedNode(spdx('checksumAlgorithm_sha256')));
    add(checksum, spdx('checksumValue'), literal(d.sha256, namedNode(xsd('hexBinary'))));
  }

  [...classes.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .forEach(([cls, members], i) => {
      const partition = blankNode(`class-partition-${i + 1}`);
      add(dataset, voidNs('classPartition'), partition);
      add(partition, voidNs('class'), namedNode(cls));
      add(partition, voidNs('entities'), integer(members.size));
    });
  [...properties.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .forEach(([property, count], i) => {
      const partition = blankNode(`property-partition-${i + 1}`);
      add(dataset, voidNs('propertyPartition'), partition);
      add(partition, voidNs('property'), namedNode(property));
      add(partition, voidNs('triples'), integer(count));
    });
  return sortTriples(distinctTriples(out));
}
