import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataFactory, Parser } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/load-config.js';
import { DataError } from '../../src/errors/casegraph-error.js';
import { loadGraph } from '../../src/dataset/load-graph.js';
import { listDatasetFiles } from '../../src/dataset/list-dataset-files.js';
import { derivationVersion, loaderVersion, readDataset, type LoadProgress } from '../../src/dataset/read-dataset.js';
import { defaultBaseIri } from '../../src/vocabulary/namespaces.js';

function fixture(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'casegraph-read-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

const base = 'http://example.test/';

/** What loading did before the single pass: parse each file whole, then copy each default-graph quad into the file's graph. */
function reference(root: string, dirs: string[], baseIri: string): { quads: string[]; version: string } {
  const files = listDatasetFiles(root, dirs);
  const hash = createHash('sha256');
  hash.update(`base\0${baseIri}\0`);
  // The loader's rules are named first, as an empty file would be.
  hash.update(`file\0${loaderVersion}\0${''.length}\0\0`);
  // The derivation is named in the version too, before the files (read-dataset.ts).
  hash.update(`file\0${derivationVersion}\u00000\0\0`);
  const quads: string[] = [];
  for (const { file, path: fullPath } of files) {
    const content = readFileSync(fullPath, 'utf8');
    hash.update(`file\0${file}\0${content.length}\0${content}\0`);
    const graph = DataFactory.namedNode(`${baseIri}graph/${file.replace(/\.(ttl|trig)$/, '')}`);
    const format = file.endsWith('.trig') ? 'application/trig' : 'text/turtle';
    for (const q of new Parser({ baseIRI: baseIri, format, blankNodePrefix: '' }).parse(content)) {
      quads.push(key(q.graph.termType === 'DefaultGraph' ? DataFactory.quad(q.subject, q.predicate, q.object, graph) : q));
    }
  }
  return { quads: quads.sort(), version: hash.digest('hex').slice(0, 16) };
}

/** Blank node labels differ between parser runs; everything else must match exactly. */
function key(term: Term): string {
  if (term.termType === 'Quad') return `<<${key(term.subject)} ${key(term.predicate)} ${key(term.object)} ${key(term.graph)}>>`;
  if (term.termType === 'Literal') return `"${term.value}"^^${term.datatype.value}@${term.language}`;
  return `${term.termType}:${term.termType === 'BlankNode' ? '_' : term.value}`;
}

function readAll(root: string, dirs: string[], baseIri = base, onProgress?: (p: LoadProgress) => void) {
  const dataset = readDataset({ root, dirs, baseIri, onProgress });
  const quads: Quad[] = [];
  const iterator = dataset.quads();
  let next = iterator.next();
  while (!next.done) {
    quads.push(next.value);
    next = iterator.next();
  }
  return { version: dataset.version, quads, graphs: next.value };
}

describe('the single pass over the shipped ontology and data', () => {
  it('yields exactly the quads and the version the parse-then-copy load gave', () => {
    const dirs = ['ontology', 'data'];
    const expected = reference(projectRoot, dirs, defaultBaseIri);
    const { quads, version, graphs } = readAll(projectRoot, dirs, defaultBaseIri);
    expect(quads.length).toBeGreaterThan(1000);
    // The derived graphs come last and are checked in graph-deriver.test.ts; the files' quads are as before.
    const derived = new Set(graphs.filter((g) => g.derived === true).map((g) => g.iri));
    expect(derived.size).toBe(2);
    expect(
      quads
        .filter((q) => !derived.has(q.graph.value))
        .map(key)
        .sort(),
    ).toEqual(expected.quads);
    expect(version).toBe(expected.version);
  });

  it('gives loadGraph the same store, graphs and version', () => {
    const loaded = loadGraph({ root: projectRoot, dirs: ['ontology', 'data'], baseIri: defaultBaseIri });
    const read = readAll(projectRoot, ['ontology', 'data'], defaultBaseIri);
    expect(loaded.version).toBe(read.version);
    expect(loaded.graphs).toEqual(read.graphs);
    // The shipped data holds no duplicate quads, so the store keeps every one.
    expect(loaded.store.size).toBe(read.quads.length);
  });
});

describe('a dataset of Turtle and TriG files', () => {
  const root = fixture({
    'data/a.ttl': '@prefix ex: <http://example.test/> .\n<id/a> ex:p "one", [ ex:q 1 ] .\n<id/a> ex:r <<( <id/a> ex:p "one" )>> .\n',
    'data/b.trig': '<id/b> <http://example.test/p> "two" .\n<http://example.test/g> { <id/b> <http://example.test/p> "three" . }\n',
  });

  it('puts default-graph quads into the file graph, keeps TriG graphs, and leaves triple terms in the default graph', () => {
    const { quads, graphs, version } = readAll(root, ['data']);
    expect(quads.map(key).sort()).toEqual(reference(root, ['data'], base).quads);
    expect(version).toBe(reference(root, ['data'], base).version);
    expect(graphs).toEqual([
      { iri: 'http://example.test/graph/data/a', file: 'data/a.ttl', size: 4 },
      { iri: 'http://example.test/graph/data/b', file: 'data/b.trig', size: 2 },
    ]);
    const tripleTerm = quads.find((q) => q.object.termType === 'Quad')?.object as Quad | undefined;
    expect(tripleTerm?.graph.termType).toBe('DefaultGraph');
    expect(quads.find((q) => q.object.value === 'three')?.graph.value).toBe('http://example.test/g');
  });

  it('knows the version before any quad is parsed', () => {
    const dataset = readDataset({ root, dirs: ['data'], baseIri: base });
    expect(dataset.version).toBe(reference(root, ['data'], base).version);
    expect(dataset.files).toEqual(['data/a.ttl', 'data/b.trig']);
  });

  it('reports progress with counts that only grow, ending at every file and every quad', () => {
    const calls: LoadProgress[] = [];
    const { quads } = readAll(root, ['data'], base, (p) => calls.push(p));
    expect(calls.filter((c) => c.phase === 'read').map((c) => c.files)).toEqual([1, 2]);
    const parse = calls.filter((c) => c.phase === 'parse');
    expect(parse.map((c) => c.files)).toEqual([1, 2]);
    expect(parse.map((c) => c.quads)).toEqual([4, 6]);
    expect(calls.every((c) => c.totalFiles === 2)).toBe(true);
    expect(quads).toHaveLength(6);
  });
});

describe('a syntax error in the second file', () => {
  const root = fixture({
    'data/1-good.ttl': '<a> <b> <c> .\n',
    'data/2-bad.ttl': '<a> <b> <c> .\n<a> <b> <c> <d> .\n',
  });

  it('names file, line and column, and the pass never finishes with a result', () => {
    const consumed: Quad[] = [];
    const iterator = readDataset({ root, dirs: ['data'], baseIri: base }).quads();
    let error: unknown;
    let finished = false;
    try {
      for (let next = iterator.next(); ; next = iterator.next()) {
        if (next.done) {
          finished = true;
          break;
        }
        consumed.push(next.value);
      }
    } catch (caught) {
      error = caught;
    }
    expect(finished).toBe(false);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).describe()).toMatch(/^data\/2-bad\.ttl:2:13: Expected punctuation/);
    expect(() => loadGraph({ root, dirs: ['data'], baseIri: base })).toThrow(DataError);
  });
});

describe('a dataset read twice', () => {
  it('refuses a second pass over the same read, whose texts are gone', () => {
    const dataset = readDataset({ root: fixture({ 'data/a.ttl': '<a> <b> <c> .\n' }), dirs: ['data'], baseIri: base });
    expect([...dataset.quads()]).toHaveLength(1);
    expect(() => dataset.quads()).toThrow(/only once/);
  });
});

describe('blank nodes', () => {
  it('get the same labels on every read of the same data, named and anonymous apart', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'casegraph-blank-'));
    mkdirSync(path.join(root, 'data'));
    writeFileSync(path.join(root, 'data/a.ttl'), '_:a0_0 <http://example.test/p> [ <http://example.test/q> 1 ] .\n_:x <http://example.test/p> 2 .\n');
    const labels = () =>
      [...readDataset({ root, dirs: ['data'], baseIri: 'http://example.test/' }).quads()].flatMap((q) =>
        [q.subject, q.object].filter((t) => t.termType === 'BlankNode').map((t) => t.value),
      );
    const first = labels();
    expect(labels()).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });
});
