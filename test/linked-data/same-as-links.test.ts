import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors/casegraph-error.js';
import { validateDataset } from '../../src/validation/validate-dataset.js';
import { syntheticBase, syntheticLinkedDataApp, writeDataset, realApp, type LinkedDataApp } from '../helpers/linked-data-app.js';
import { ontologyFile, syntheticCase, syntheticPrefixes } from '../helpers/synthetic-case.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/config/load-config.js';

const wd = 'http://www.wikidata.org/entity/';

/** A link file: the owl:sameAs and (optionally) its backing statement. */
function links(options: { target?: string; excerpt?: string; source?: string; statement?: boolean } = {}): string {
  const target = options.target ?? `${wd}Q42`;
  const statement =
    options.statement === false
      ? ''
      : `
<id/link/p1-wikidata> a rdf:Statement ; rdfs:label "p1 is Q42"@en ;
    rdf:subject <id/person/p1> ; rdf:predicate owl:sameAs ; rdf:object <${target}> ;
    prov:wasDerivedFrom <${options.source ?? 'id/source/s1'}> ;
    cg:excerpt ${JSON.stringify(options.excerpt ?? 'Wikidata item Q42 is this person')} .`;
  return `${syntheticPrefixes}\n<id/person/p1> owl:sameAs <${target}> .\n${statement}\n`;
}

const dataset = (linkFile: string) => ({ 'data/ontology.ttl': ontologyFile, 'data/case.ttl': syntheticCase, 'data/links/wikidata.ttl': linkFile });

async function startupError(linkFile: string): Promise<unknown> {
  return syntheticLinkedDataApp(dataset(linkFile)).then(
    async (app) => {
      await app.close();
      return undefined;
    },
    (error: unknown) => error,
  );
}

describe('a Wikidata link stated by a cited source', () => {
  let s: LinkedDataApp;
  beforeAll(async () => {
    s = await syntheticLinkedDataApp(dataset(links()));
  });
  afterAll(async () => s?.close());

  it('is served on the person page, in the person document and in the Turtle', async () => {
    const page = await s.app.inject({ url: '/id/person/p1', headers: { accept: 'text/html' } });
    expect(page.body).toContain(`href="${wd}Q42"`);
    const document = JSON.parse((await s.app.inject({ url: '/api/persons/p1' })).body);
    expect(document.sameAs).toEqual([{ id: `${wd}Q42` }]);
    const turtle = await s.app.inject({ url: '/id/person/p1.nt' });
    expect(turtle.body).toContain(`<${syntheticBase}id/person/p1> <http://www.w3.org/2002/07/owl#sameAs> <${wd}Q42>`);
  });

  it('passes the link shape', async () => {
    const root = writeDataset({
      ...dataset(links()),
      'ontology/shapes/link-shapes.ttl': readFileSync(path.join(projectRoot, 'ontology/shapes/link-shapes.ttl'), 'utf8'),
    });
    try {
      const report = await validateDataset({ root, baseIri: syntheticBase, paths: ['data'], ontologyFile: 'data/ontology.ttl', shapesDir: 'ontology/shapes' });
      const aboutLinks = report.results.filter((r) => r.focusNode.startsWith(`${syntheticBase}id/link/`));
      expect(aboutLinks.map((r) => `${r.focusNode} ${r.path} ${r.message}`)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a Wikidata link without its evidence', () => {
  const cases: ReadonlyArray<readonly [string, string, RegExp]> = [
    ['has no backing statement', links({ statement: false }), /no rdf:Statement/],
    ['quotes an excerpt that does not name the QID', links({ excerpt: 'Wikidata item Q421 is someone else' }), /excerpt quoting Q42/],
    ['cites something that is not a cg:Source', links({ source: 'id/case/p1' }), /cg:Source/],
    ['points somewhere other than a Wikidata item', links({ target: 'http://example.test/elsewhere' }), /only name a Wikidata item/],
  ];
  for (const [what, file, message] of cases) {
    it(`stops startup naming the file when the link ${what}`, async () => {
      const error = await startupError(file);
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).message).toMatch(message);
      expect((error as DataError).location?.file).toBe('data/links/wikidata.ttl');
    });
  }

  it('fails the link shape when the statement lacks its source', async () => {
    const bad = links().replace(/prov:wasDerivedFrom <[^>]+> ;/, '');
    const root = writeDataset({
      ...dataset(bad),
      'ontology/shapes/link-shapes.ttl': readFileSync(path.join(projectRoot, 'ontology/shapes/link-shapes.ttl'), 'utf8'),
    });
    try {
      const report = await validateDataset({ root, baseIri: syntheticBase, paths: ['data'], ontologyFile: 'data/ontology.ttl', shapesDir: 'ontology/shapes' });
      expect(report.results.map((r) => r.message)).toContain('a link statement cites at least one cg:Source that states the QID');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the shipped data', () => {
  it('has no owl:sameAs at all: no source in it states a QID', async () => {
    const s = await realApp();
    try {
      expect(await s.store.match({ predicate: { termType: 'NamedNode', value: 'http://www.w3.org/2002/07/owl#sameAs' } as never })).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
