import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors/casegraph-error.js';
import { loadGraph } from '../../src/dataset/load-graph.js';

function fixture(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'casegraph-load-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

const base = 'http://example.test/';

describe('loading a dataset folder', () => {
  const root = fixture({
    'data/a.ttl': '<id/person/a> <http://example.test/p> "one" .\n',
    'data/sub/b.trig': '<id/person/b> <http://example.test/p> "two" .\n',
    'data/notes.txt': 'not RDF',
  });

  it('puts each file in its own named graph, resolving relative IRIs against the base', () => {
    const { store, graphs } = loadGraph({ root, dirs: ['data'], baseIri: base });
    expect(graphs.map((g) => [g.file, g.iri, g.size])).toEqual([
      ['data/a.ttl', 'http://example.test/graph/data/a', 1],
      ['data/sub/b.trig', 'http://example.test/graph/data/sub/b', 1],
    ]);
    const [quad] = store.getQuads(null, null, null, 'http://example.test/graph/data/a');
    expect(quad?.subject.value).toBe('http://example.test/id/person/a');
  });

  it('gives the same version for the same content and base, another for another base', () => {
    const one = loadGraph({ root, dirs: ['data'], baseIri: base }).version;
    const two = loadGraph({ root, dirs: ['data'], baseIri: base }).version;
    const other = loadGraph({ root, dirs: ['data'], baseIri: 'https://casegraph.example/' }).version;
    expect(one).toMatch(/^[0-9a-f]{16}$/);
    expect(two).toBe(one);
    expect(other).not.toBe(one);
  });
});

describe('a file with a syntax error', () => {
  const root = fixture({
    'data/good.ttl': '<a> <b> <c> .\n',
    'data/bad.ttl': '<a> <b> <c> .\n<a> <b> <c> <d> .\n',
  });

  it('stops the load naming file, line and column', () => {
    expect(() => loadGraph({ root, dirs: ['data'], baseIri: base })).toThrow(DataError);
    try {
      loadGraph({ root, dirs: ['data'], baseIri: base });
    } catch (error) {
      expect((error as DataError).describe()).toMatch(/^data\/bad\.ttl:2:13: Expected punctuation/);
    }
  });
});

describe('a missing dataset folder', () => {
  it('is named in the error', () => {
    const root = fixture({ 'data/a.ttl': '' });
    expect(() => loadGraph({ root, dirs: ['data', 'ontology'], baseIri: base })).toThrow(/ontology is missing/);
  });
});

describe('a data folder outside the project root', () => {
  const root = fixture({ 'ontology/o.ttl': '<id/o> <http://example.test/p> "o" .\n' });
  const elsewhere = fixture({ 'cases/x.ttl': '<id/person/x> <http://example.test/p> "x" .\n' });

  it('is named by its last segment, so its graph IRIs do not depend on where it is kept', () => {
    const { graphs } = loadGraph({ root, dirs: ['ontology', path.join(elsewhere, 'cases')], baseIri: base });
    expect(graphs.map((g) => [g.file, g.iri])).toEqual([
      ['cases/x.ttl', 'http://example.test/graph/cases/x'],
      ['ontology/o.ttl', 'http://example.test/graph/ontology/o'],
    ]);
  });

  it('stops the load naming both files when two folders would make the same graph', () => {
    const other = fixture({ 'cases/x.ttl': '<id/person/y> <http://example.test/p> "y" .\n' });
    expect(() => loadGraph({ root, dirs: [path.join(elsewhere, 'cases'), path.join(other, 'cases')], baseIri: base })).toThrow(
      /two dataset files would make the same graph: .*cases\/x\.ttl and .*cases\/x\.ttl/,
    );
  });

  it('says which absolute folder is missing', () => {
    expect(() => loadGraph({ root, dirs: [path.join(elsewhere, 'nowhere')], baseIri: base })).toThrow(/^dataset folder .*nowhere is missing$/);
  });
});
