import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Parser } from 'n3';
import { projectRoot } from '../../src/config/load-config.js';
import { validateDataset } from '../../src/validation/validate-dataset.js';
import { casegraphNamespaces, wellKnownPrefixes, rdf, sh } from '../../src/vocabulary/namespaces.js';

const baseIri = 'http://localhost:3000/';
const ns = casegraphNamespaces(baseIri);
const fixtures = 'test/validation/fixtures';
const invalidFixtures = readdirSync(path.join(projectRoot, fixtures, 'invalid')).filter((f) => f.endsWith('.ttl'));

/**
 * Each invalid fixture's first line says which shape and path it breaks: `# violates: Shape prefix:path`, or
 * `# violates: Shape -` for a constraint on the node itself (such as "a source, or a held copy"), which has no path.
 */
function expectation(file: string): { shape: string; path: string | undefined } {
  const first = readFileSync(path.join(projectRoot, fixtures, 'invalid', file), 'utf8').split('\n')[0] ?? '';
  const match = /^# violates: (\w+) (?:(\w+):(\w+)|-)$/.exec(first);
  if (!match) throw new Error(`${file}: first line must be "# violates: Shape prefix:local" or "# violates: Shape -"`);
  const [, shape, prefix, local] = match as unknown as [string, string, string | undefined, string | undefined];
  const prefixes: Record<string, string> = { ...wellKnownPrefixes, cg: ns.cg.iri };
  return { shape: `${baseIri}ontology/shapes#${shape}`, path: prefix && local ? `${prefixes[prefix]}${local}` : undefined };
}

describe('the shipped data', () => {
  it('conforms to every shape', async () => {
    const report = await validateDataset({ root: projectRoot, baseIri });
    expect(report.results).toEqual([]);
    expect(report.conforms).toBe(true);
    expect(report.files).toContain('data/cases/gulmire-imin.ttl');
  });

  it('conforms under another base IRI too (no host is written in the data)', async () => {
    const report = await validateDataset({ root: projectRoot, baseIri: 'https://casegraph.example.org/' });
    expect(report.conforms).toBe(true);
  });
});

describe('a valid fixture', () => {
  it('conforms', async () => {
    const report = await validateDataset({ root: projectRoot, baseIri, paths: [`${fixtures}/valid`] });
    expect(report.results).toEqual([]);
    expect(report.size).toBeGreaterThan(100);
  });
});

describe.each(invalidFixtures)('the invalid fixture %s', (file) => {
  it('fails on exactly the shape and path it was written to break', async () => {
    const { shape, path: expectedPath } = expectation(file);
    const report = await validateDataset({ root: projectRoot, baseIri, paths: [`${fixtures}/invalid/${file}`] });
    expect(report.conforms).toBe(false);
    expect(report.results.length).toBeGreaterThan(0);
    for (const result of report.results) {
      expect(result.nodeShape ?? result.shape).toBe(shape);
      expect(result.path).toBe(expectedPath);
      expect(result.files).toEqual([`${fixtures}/invalid/${file}`]);
      expect(result.message).not.toBe('');
    }
  });
});

describe('the shapes', () => {
  it('each targeted shape is proven to fire by at least one invalid fixture', () => {
    const shapesFile = path.join(projectRoot, 'ontology/shapes/casegraph-shapes.ttl');
    const quads = new Parser({ baseIRI: baseIri }).parse(readFileSync(shapesFile, 'utf8'));
    const targets = [sh('targetClass'), sh('targetSubjectsOf'), sh('targetObjectsOf'), sh('targetNode')];
    const targeted = new Set(quads.filter((q) => targets.includes(q.predicate.value)).map((q) => q.subject.value));
    const nodeShapes = quads.filter((q) => q.predicate.value === rdf('type') && q.object.value === sh('NodeShape'));
    expect(nodeShapes.length).toBeGreaterThan(10);
    const proven = new Set(invalidFixtures.map((f) => expectation(f).shape));
    expect([...targeted].filter((s) => !proven.has(s))).toEqual([]);
  });
});
