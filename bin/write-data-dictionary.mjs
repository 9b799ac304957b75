// Rewrites the data dictionary in README.md from the tables' CSVW metadata (run by `npm run docs:dictionary`, after the build).
import { readFileSync, writeFileSync } from 'node:fs';
import { dataDictionaryMarkdown, dictionaryMarkers, tableMetadata, tableSpecs } from '../dist/tables/index.js';
import { defaultBaseIri } from '../dist/vocabulary/namespaces.js';

const readme = new URL('../README.md', import.meta.url);
const text = readFileSync(readme, 'utf8');
const start = text.indexOf(dictionaryMarkers.start);
const end = text.indexOf(dictionaryMarkers.end);
if (start < 0 || end < start) {
  console.error(`README.md: the markers ${dictionaryMarkers.start} … ${dictionaryMarkers.end} are missing`);
  process.exit(1);
}
// The version is not shown in the Markdown, so the README does not change with the data's version.
const markdown = dataDictionaryMarkdown(tableSpecs.map((spec) => tableMetadata(spec, defaultBaseIri, '')));
writeFileSync(readme, text.slice(0, start) + markdown + text.slice(end + dictionaryMarkers.end.length));
console.log(`README.md: data dictionary of ${tableSpecs.length} tables written`);
