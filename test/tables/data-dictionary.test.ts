import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/load-config.js';
import { dataDictionary, dataDictionaryMarkdown, dictionaryMarkers } from '../../src/tables/data-dictionary.js';
import { defaultBaseIri } from '../../src/vocabulary/namespaces.js';
import { tableMetadata } from '../../src/tables/table-metadata.js';
import { tableSpecs } from '../../src/tables/table-specs.js';

describe('the data dictionary', () => {
  it('escapes everything it takes from the metadata', () => {
    const hostile = {
      url: 'x.csv',
      'dc:title': '<script>alert(1)</script>',
      'dc:description': '"><img src=x onerror=alert(1)>',
      tableSchema: { columns: [{ name: '<b>', 'dc:description': '&amp;', datatype: 'string', propertyUrl: 'http://e.test/"><script>' }] },
    };
    const html = dataDictionary([hostile], '<version>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;');
    expect(html).toContain('&amp;amp;');
    expect(html).toContain('&lt;version&gt;');
  });

  it('lists every column of every table with its datatype and property', () => {
    const metadata = tableSpecs.map((spec) => tableMetadata(spec, 'http://example.test/', 'v1'));
    const html = dataDictionary(metadata, 'v1');
    for (const spec of tableSpecs) expect(html).toContain(`id="${spec.name}.csv"`);
    expect(html).toContain('http://example.test/ontology#statedAge');
  });
});

describe('the data dictionary in the README', () => {
  it('is the one the metadata gives, table by table (npm run docs:dictionary rewrites it)', () => {
    const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const start = readme.indexOf(dictionaryMarkers.start);
    const end = readme.indexOf(dictionaryMarkers.end) + dictionaryMarkers.end.length;
    expect(start).toBeGreaterThan(0);
    const generated = dataDictionaryMarkdown(tableSpecs.map((spec) => tableMetadata(spec, defaultBaseIri, '')));
    expect(readme.slice(start, end)).toBe(generated);
    for (const spec of tableSpecs) expect(generated).toContain(`<code>${spec.name}.csv</code>`);
  });
});
