// `casegraph cite`: prints a person's sources in a citation format (CSL-JSON, BibTeX, RIS, APA, UN footnotes).
import { citationFormatNames, findCitationFormat } from '../../citations/index.js';
import { citationQueries } from '../../persons/index.js';
import { readPersonClaims } from '../../persons/index.js';
import { loadConfig } from '../../config/load-config.js';
import { BadRequestError } from '../../errors/casegraph-error.js';
import { loadQueryCatalog } from '../../queries/index.js';
import { openStore } from '../../backends/open-store.js';
import type { Command } from '../command.js';

const formatNames = citationFormatNames.join('|');

export const citeCommand: Command = {
  name: 'cite',
  usage: `cite PERSON-ID [--format ${formatNames}]`,
  summary: "Print a person's sources (e.g. gulmire-imin) as CSL-JSON (default), BibTeX, RIS, APA or UN footnotes.",
  async run(args, io) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      io.err(`casegraph cite: ${parsed}\nUsage: casegraph ${citeCommand.usage}\n`);
      return 2;
    }
    const format = findCitationFormat(parsed.format);
    if (!format) throw new BadRequestError(`--format must be one of ${citationFormatNames.join(', ')}; got ${JSON.stringify(parsed.format)}`);
    const config = loadConfig();
    const queries = citationQueries(loadQueryCatalog(config.root, config.baseIri));
    const store = await openStore({ ...config, workers: 1 });
    try {
      const { sources } = await readPersonClaims(store, queries, parsed.person);
      const output = format.render(sources);
      io.out(output.endsWith('\n') ? output : `${output}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

function parseArgs(args: readonly string[]): { person: string; format: string } | string {
  let person: string | undefined;
  let format: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--format' || arg === '-f') {
      if (format !== undefined) return `${arg} is given more than once`;
      format = args[++i];
      if (format === undefined) return `${arg} needs a value (${formatNames})`;
    } else if (arg.startsWith('--format=')) {
      if (format !== undefined) return '--format is given more than once';
      format = arg.slice('--format='.length);
    } else if (arg.startsWith('-') && arg.length > 1) {
      return `unknown option ${arg}`;
    } else if (person === undefined) {
      person = arg;
    } else {
      return 'give one person id';
    }
  }
  if (person === undefined) return 'no person id given (e.g. gulmire-imin)';
  return { person, format: format ?? 'csl-json' };
}
