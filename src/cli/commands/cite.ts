// `casegraph cite`: prints a person's sources in a citation format (CSL-JSON, BibTeX, RIS, APA, UN footnotes).
import { citationFormatNames, findCitationFormat } from '../../citations/index.js';
import { citationQueries } from '../../persons/index.js';
import { readPersonClaims } from '../../persons/index.js';
import { BadRequestError } from '../../errors/casegraph-error.js';
import { loadQueryCatalog } from '../../queries/index.js';
import { openCommandStore } from '../open-command-store.js';
import { defineCommand } from '../command.js';
import { configWithData, dataOption } from '../data-option.js';

export const citeCommand = defineCommand({
  name: 'cite',
  summary: "Print a person's sources (e.g. gulmire-imin) as CSL-JSON (default), BibTeX, RIS, APA or UN footnotes.",
  details: ['The output is byte for byte what GET /api/persons/{id}/citations?format=... answers.'],
  positional: { name: 'PERSON-ID', noun: 'person id', description: 'The id of a person, as in /id/person/{id}.', min: 1, max: 1, example: 'gulmire-imin' },
  options: [
    {
      name: 'format',
      short: 'f',
      type: 'string',
      valueName: 'FORMAT',
      description: `Citation format: ${citationFormatNames.join(', ')} (default csl-json).`,
      choices: citationFormatNames,
    },
    dataOption,
  ],
  environment: ['BASE_IRI', 'DATA_DIRS', 'QUERY_TIMEOUT_MS', 'MAX_RESULTS', 'QUERY_MEMORY_MB'],
  exitNotes: { 2: 'also an unknown person' },
  examples: ['casegraph cite gulmire-imin --format bibtex > gulmire-imin.bib'],
  async run({ values, positionals }, io) {
    const name = values.format ?? 'csl-json';
    const format = findCitationFormat(name);
    // The parser checked the name against the choices.
    if (!format) throw new BadRequestError(`unknown citation format ${JSON.stringify(name)}`);
    const config = configWithData(values.data);
    const queries = citationQueries(loadQueryCatalog(config.root, config.baseIri));
    const store = await openCommandStore(config);
    try {
      const { sources } = await readPersonClaims(store, queries, positionals[0] as string);
      const output = format.render(sources);
      io.out(output.endsWith('\n') ? output : `${output}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
});
