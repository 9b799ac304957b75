import { describe, expect, it } from 'vitest';
import { dataDictionary } from '../../src/tables/data-dictionary.js';
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
