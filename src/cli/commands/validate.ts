// `casegraph validate`: SHACL over the data (or given files) with a readable report; exit 1 when anything fails.
import { defineCommand } from '../command.js';
import { loadConfig } from '../../config/load-config.js';
import { validateDataset, type ValidationResult } from '../../validation/index.js';

export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'Check data/ (or the given files and folders) against the SHACL shapes in ontology/shapes/.',
  details: ['The report names, for each problem, the file, the focus node, the path, the value, the message and the shape.'],
  positional: { name: 'PATH', noun: 'path', description: 'A Turtle or TriG file, or a folder of them, relative to where you stand.', min: 0, max: Infinity },
  options: [],
  environment: ['BASE_IRI'],
  exitNotes: { 0: 'the data conforms', 1: 'data that does not conform, or a file that cannot be read or parsed (named with line and column)' },
  examples: ['casegraph validate test/validation/fixtures/invalid/person-with-birth-date.ttl'],
  async run({ positionals: paths }, io) {
    const config = loadConfig();
    const report = await validateDataset({
      root: config.root,
      baseIri: config.baseIri,
      paths: paths.length > 0 ? paths.map((a) => relativeToRoot(a, config.root)) : undefined,
    });
    if (report.conforms) {
      io.out(`valid: ${report.files.length} files, ${report.size} triples conform to the shapes\n`);
      return 0;
    }
    io.out(`invalid: ${report.results.length} problem(s) in ${report.files.length} files\n\n`);
    for (const result of report.results) io.out(formatResult(result, config.baseIri));
    return 1;
  },
});

/** Paths on the command line are relative to where the user stands, not to the project root. */
function relativeToRoot(arg: string, root: string): string {
  return new URL(arg, `file://${process.cwd()}/`).pathname.replace(`${root}/`, '');
}

function formatResult(result: ValidationResult, base: string): string {
  const short = (iri: string | undefined) => (iri?.startsWith(base) ? `<${iri.slice(base.length)}>` : iri && `<${iri}>`);
  const shape = result.nodeShape ?? result.shape;
  return [
    `${result.files.join(', ') || '(no file)'}: ${result.severity}`,
    `  focus node: ${short(result.focusNode)}`,
    `  path:       ${short(result.path) ?? '(the node itself)'}`,
    ...(result.value !== undefined ? [`  value:      ${result.value}`] : []),
    `  message:    ${result.message}`,
    `  shape:      ${short(shape)} (${result.component})`,
    '',
    '',
  ].join('\n');
}
