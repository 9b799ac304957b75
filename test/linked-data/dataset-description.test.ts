import { Parser, Store, DataFactory } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realApp, type LinkedDataApp } from '../helpers/linked-data-app.js';

const { namedNode } = DataFactory;
const voidNs = 'http://rdfs.org/ns/void#';
const dcat = 'http://www.w3.org/ns/dcat#';
const dct = 'http://purl.org/dc/terms/';
const spdx = 'http://spdx.org/rdf/terms#';

let s: LinkedDataApp;
let graph: Store;
let dataset: ReturnType<typeof namedNode>;
let index: { triples: number; dumps: Array<{ name: string; sha256: string; size: number }> };
beforeAll(async () => {
  s = await realApp();
  const res = await s.app.inject({ url: '/.well-known/void', headers: { accept: 'text/turtle' } });
  expect(res.statusCode).toBe(200);
  graph = new Store(new Parser({ format: 'text/turtle' }).parse(res.body));
  dataset = namedNode(`${s.config.baseIri}id/dataset/casegraph`);
  index = JSON.parse((await s.app.inject({ url: '/dumps/', headers: { accept: 'application/json' } })).body);
});
afterAll(async () => s?.close());

const values = (subject: unknown, predicate: string): string[] => graph.getObjects(subject as never, namedNode(predicate), null).map((o) => o.value);

describe('GET /.well-known/void', () => {
  it('describes the dataset as a void:Dataset and a dcat:Dataset with title, description, license and publisher', () => {
    const types = values(dataset, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
    expect(types).toEqual(expect.arrayContaining([`${voidNs}Dataset`, `${dcat}Dataset`]));
    expect(values(dataset, `${dct}title`)[0]).toContain('casegraph');
    expect(values(dataset, `${dct}description`)[0]).toContain('Gulmire Imin');
    expect(values(dataset, `${dct}license`)).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
    const [publisher] = graph.getObjects(dataset, namedNode(`${dct}publisher`), null);
    expect(values(publisher, 'http://xmlns.com/foaf/0.1/name')).toEqual(['The casegraph project']);
    expect(values(dataset, `${dct}modified`)).toHaveLength(1);
  });

  it('names the SPARQL endpoint, the version and the triple count of the served graph', () => {
    expect(values(dataset, `${voidNs}sparqlEndpoint`)).toEqual([`${s.config.baseIri}sparql`]);
    expect(values(dataset, `${dcat}version`)).toEqual([s.store.version]);
    expect(values(dataset, `${voidNs}triples`)).toEqual([String(index.triples)]);
  });

  it('lists every dump as a distribution with its size and SHA-256', () => {
    const distributions = graph.getObjects(dataset, namedNode(`${dcat}distribution`), null);
    expect(distributions).toHaveLength(index.dumps.length);
    for (const dump of index.dumps) {
      const distribution = distributions.find((d) => values(d, `${dcat}downloadURL`)[0] === `${s.config.baseIri}dumps/${dump.name}`);
      expect(distribution, dump.name).toBeDefined();
      expect(values(distribution, `${dcat}byteSize`)).toEqual([String(dump.size)]);
      const [checksum] = graph.getObjects(distribution as never, namedNode(`${spdx}checksum`), null);
      expect(values(checksum, `${spdx}checksumValue`)).toEqual([dump.sha256]);
      expect(values(checksum, `${spdx}algorithm`)).toEqual([`${spdx}checksumAlgorithm_sha256`]);
    }
    expect(values(dataset, `${voidNs}dataDump`)).toContain(`${s.config.baseIri}dumps/casegraph.nt`);
  });

  it('has class and property partitions that count the graph', async () => {
    const classes = graph.getObjects(dataset, namedNode(`${voidNs}classPartition`), null);
    const person = classes.find((p) => values(p, `${voidNs}class`)[0] === 'https://schema.org/Person');
    const rdfType = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
    const persons = new Set((await s.store.match({ predicate: rdfType, object: namedNode('https://schema.org/Person') })).map((q) => q.subject.value));
    // Six imprisoned writers and Gulmire Imin's husband, as the sources name them.
    expect(persons.size).toBe(7);
    expect(values(person, `${voidNs}entities`)).toEqual([String(persons.size)]);
    const properties = graph.getObjects(dataset, namedNode(`${voidNs}propertyPartition`), null);
    const total = properties.reduce((sum, p) => sum + Number(values(p, `${voidNs}triples`)[0]), 0);
    expect(total).toBe(index.triples);
  });

  it('is also JSON-LD, N-Triples and an HTML page', async () => {
    for (const type of ['application/ld+json', 'application/n-triples', 'text/html']) {
      const res = await s.app.inject({ url: '/.well-known/void', headers: { accept: type } });
      expect(res.statusCode, type).toBe(200);
      expect(res.headers['content-type'], type).toContain(type);
      expect(res.body, type).toContain(index.dumps[0]!.sha256);
    }
  });
});
