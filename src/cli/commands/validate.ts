// `casegraph validate`: SHACL over the data (or given files) with a readable report, then the curation checks; exit 1 when SHACL fails.
import { writeFileSync } from 'node:fs';
import { defineCommand } from '../command.js';
import { csvField } from '../../formats/csv-field.js';
import { loadConfig } from '../../config/load-config.js';
import { curationChecks, validateDataset, type CurationFinding, type ValidationResult } from '../../validation/index.js';

export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'Check data/ (or the given files and folders) against the SHACL shapes in ontology/shapes/.',
  details: [
    'The report names, for each problem, the file, the focus node, the path, the value, the message and the shape.',
    'Then the curation checks, as a table (never a failure): nodes with a single source, persons whose arrest has no date, sources without a URL, excerpts not found word for word in a held source text.',
  ],
  positional: { name: 'PATH', noun: 'path', description: 'A Turtle or TriG file, or a folder of them, relative to where you stand.', min: 0, max: Infinity },
  options: [
    {
      name: 'curation-csv',
      short: 'c',
      type: 'string',
      valueName: 'FILE',
      description: 'Also write the curation findings to FILE as CSV (check, file, focus_node, detail).',
    },
  ],
  environment: ['BASE_IRI'],
  exitNotes: { 0: 'the data conforms', 1: 'data that does not conform, or a file that cannot be read or parsed (named with line and column)' },
  examples: ['casegraph validate test/validation/fixtures/invalid/person-with-birth-date.ttl', 'casegraph validate --curation-csv curation.csv'],
  async run({ positionals: paths, values }, io) {
    const config = loadConfig();
    const report = await validateDataset({
      root: config.root,
      baseIri: config.baseIri,
      paths: paths.length > 0 ? paths.map((a) => relativeToRoot(a, config.root)) : undefined,
    });
    if (report.conforms) {
      io.out(`valid: ${report.files.length} files, ${report.size} triples conform to the shapes\n`);
    } else {
      io.out(`invalid: ${report.results.length} problem(s) in ${report.files.length} files\n\n`);
      for (const result of report.results) io.out(formatResult(result, config.baseIri));
    }
    io.out(curationTable(report.curation, config.baseIri));
    const csvFile = values['curation-csv'];
    if (csvFile !== undefined) {
      writeFileSync(csvFile, curationCsv(report.curation));
      io.err(`curation: ${report.curation.length} finding(s) written to ${csvFile}\n`);
    }
    return report.conforms ? 0 : 1;
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

/** The curation findings as a console table: a count per check, then one line per finding, IRIs shortened. */
function curationTable(findings: readonly CurationFinding[], base: string): string {
  const short = (iri: string) => (iri.startsWith(base) ? `<${iri.slice(base.length)}>` : `<${iri}>`);
  const lines = ['', `curation: ${findings.length} finding(s) to review (not failures)`];
  for (const check of curationChecks) lines.push(`  ${check.padEnd(26)} ${findings.filter((f) => f.check === check).length}`);
  if (findings.length > 0) {
    const rows = findings.map((f) => [f.check, f.file, short(f.focusNode), f.detail.replaceAll(base, '')]);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
    lines.push('');
    for (const row of rows) lines.push(`  ${row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The same findings as CSV, full IRIs, one finding per row. */
function curationCsv(findings: readonly CurationFinding[]): string {
  const rows = [['check', 'file', 'focus_node', 'detail'], ...findings.map((f) => [f.check, f.file, f.focusNode, f.detail])];
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
