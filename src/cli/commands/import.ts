// `casegraph import FILE`: a case worker's sheet (CSV or .xlsx) into one Turtle file per person, checked, validated and written all at once.
import path from 'node:path';
import { importSheet, templateColumns, templateFields, type ImportOutcome } from '../../curation/index.js';
import { ontologyDir } from '../../config/load-config.js';
import { defineCommand, type CommandIo } from '../command.js';
import { configWithData, dataOption } from '../data-option.js';
import { exitCodes } from '../exit-codes.js';

const defaultOut = 'data/imported';

export const importCommand = defineCommand({
  name: 'import',
  summary: `Import a case worker's sheet (data/imports/TEMPLATE.csv or .xlsx): one Turtle file per person under ${defaultOut}/.`,
  details: [
    `Columns: ${templateColumns.join(', ')}. Fields: ${Object.keys(templateFields).join(', ')}.`,
    'Every row is checked and every problem is reported at once (file, row, column). Charges, sentence types, prisons and publishers must match the labels already in the data, unless --allow-new adds them. The result is validated against the SHACL shapes and written only if every file is valid; re-importing the same sheet changes nothing, a changed sheet prints its diff. The files the sheet wrote before and no longer makes (a person taken out or renamed, no shared sources) are removed with the writes; files written by hand or from another sheet are never touched.',
  ],
  positional: { name: 'FILE', noun: 'sheet', description: 'The sheet, .csv or .xlsx.', min: 1, max: 1, example: 'data/imports/nijat-azat.csv' },
  options: [
    { name: 'dry-run', short: 'n', type: 'boolean', description: 'Check and print what would change; write nothing.' },
    {
      name: 'allow-new',
      short: 'a',
      type: 'boolean',
      description: 'Add unknown charges, sentence types, prisons and publishers as new entries instead of refusing them.',
    },
    { name: 'out', short: 'o', type: 'string', valueName: 'DIR', description: `Folder for the person files (default ${defaultOut}).` },
    dataOption,
  ],
  environment: ['BASE_IRI', 'DATA_DIRS'],
  exitNotes: {
    0: 'imported, or nothing to change',
    1: 'the result does not conform to the shapes (nothing written), or a write error',
    2: 'bad usage or bad rows (each named with file, row and column; nothing written)',
  },
  examples: ['casegraph import data/imports/nijat-azat.csv --dry-run', 'casegraph import cases.xlsx --allow-new'],
  async run({ values, positionals }, io) {
    const config = configWithData(values.data);
    const [sheet = ''] = positionals;
    const dataDirs = config.dataDirs.filter((d) => path.resolve(config.root, d) !== path.resolve(config.root, ontologyDir));
    const outcome = await importSheet({
      sheet,
      root: config.root,
      baseIri: config.baseIri,
      dataDirs,
      outDir: path.resolve(values.out ?? (values.data?.[0] !== undefined ? path.join(values.data[0], 'imported') : path.join(config.root, defaultOut))),
      dryRun: values['dry-run'] === true,
      allowNew: values['allow-new'] === true,
      progress: (line) => io.err(`casegraph import: ${line}\n`),
    });
    return report(outcome, values['dry-run'] === true, io);
  },
});

function report(outcome: ImportOutcome, dryRun: boolean, io: CommandIo): number {
  if (outcome.kind === 'rejected') {
    io.err(`casegraph import: ${outcome.problems.length} problem(s); nothing written\n`);
    for (const p of outcome.problems) {
      const where = [p.file, p.row !== undefined ? `row ${p.row}` : undefined, p.column !== undefined ? `column ${p.column}` : undefined]
        .filter(Boolean)
        .join(', ');
      io.out(`${where}: ${p.message}\n`);
    }
    return exitCodes.usage;
  }
  if (outcome.kind === 'invalid') {
    io.err(`casegraph import: the result does not conform to the shapes; nothing written\n`);
    for (const r of outcome.results) {
      io.out(
        `${r.files.join(', ')}: ${r.message}\n  focus node: <${r.focusNode}>\n  path:       ${r.path !== undefined ? `<${r.path}>` : '(the node itself)'}\n`,
      );
      if (r.value !== undefined) io.out(`  value:      ${r.value}\n`);
    }
    return exitCodes.failure;
  }
  const changed = outcome.changes.filter((c) => c.status !== 'unchanged');
  if (changed.length === 0) {
    io.out(`no change (${outcome.changes.length} file(s) already as the sheet says)\n`);
    return exitCodes.success;
  }
  for (const change of changed) {
    if (change.status === 'removed') io.out(`${dryRun ? 'would remove' : 'removed'} ${change.file} (no longer in the sheet)\n${change.diff}\n`);
    else io.out(`${dryRun ? 'would write' : 'wrote'} ${change.file} (${change.status})\n${change.diff}\n`);
  }
  if (dryRun) io.out(`dry run: nothing written\n`);
  return exitCodes.success;
}
