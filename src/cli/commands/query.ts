// `casegraph query`: runs one read-only SPARQL query (text or .rq file) over the loaded graph and prints the answer.
import { readFile } from 'node:fs/promises';
import { BadRequestError, CasegraphError } from '../../errors/casegraph-error.js';
import { QueryAnalyzer } from '../../engine/query-analyzer.js';
import { findResultFormat, formatsFor, resultFormats, serializeContext } from '../../formats/result-formats.js';
import type { ResultFormat } from '../../formats/result-formats.js';
import type { ResultKind } from '../../engine/query-analyzer.js';
import { openCommandStore } from '../open-command-store.js';
import { loadQueryCatalog, parseQueryFile, runSavedQuery, type SavedQuery } from '../../queries/index.js';
import { defineCommand } from '../command.js';
import { configWithData, dataOption } from '../data-option.js';
import { UsageError } from '../usage-error.js';

const formatNames = resultFormats.map((f) => f.name);
const names = (kind: ResultKind) =>
  formatsFor(kind)
    .map((f) => f.name)
    .join(', ');

export const queryCommand = defineCommand({
  name: 'query',
  summary: 'Run a read-only SPARQL query, a .rq file or a saved query from queries/ (e.g. persons/by-charge) and print the result.',
  details: [
    'It runs the way the endpoint does: same parser, same worker, same deadline and result cap. Relative IRIs resolve against BASE_IRI. When the answer was cut at MAX_RESULTS, a line on stderr says so.',
  ],
  positional: {
    name: 'QUERY',
    noun: 'query',
    description: 'SPARQL text, a file ending in .rq, or the name of a saved query in queries/ (e.g. persons/by-charge).',
    min: 1,
    max: 1,
  },
  options: [
    {
      name: 'format',
      short: 'f',
      type: 'string',
      valueName: 'FORMAT',
      // Listed per query form, default first, from the same registry the endpoint negotiates with.
      description: `Answer format. SELECT and ASK: ${names('bindings')}; CONSTRUCT and DESCRIBE: ${names('quads')}. The first is the default.`,
      choices: formatNames,
    },
    {
      name: 'param',
      short: 'p',
      type: 'string',
      valueName: 'NAME=VALUE',
      description: 'Bind a parameter of a saved query or of a .rq file with grlc front matter ("#+ summary: ...").',
      repeatable: true,
    },
    dataOption,
  ],
  environment: ['BASE_IRI', 'DATA_DIRS', 'QUERY_TIMEOUT_MS', 'MAX_RESULTS', 'QUERY_MEMORY_MB'],
  exitNotes: {
    1: 'the query failed while running (e.g. stopped at its deadline)',
    2: 'also an unreadable .rq file, a format that cannot carry the answer, or a query refused before it runs (syntax error, update, LOAD, SERVICE)',
  },
  examples: [
    "casegraph query 'SELECT ?s ?name WHERE { ?s <https://schema.org/name> ?name }' --format csv",
    'casegraph query queries/persons/by-charge.rq --format tsv',
    'casegraph query persons/by-charge --param charge=id/concept/charge/splittism --format csv',
  ],
  async run({ values, positionals }, io) {
    const source = positionals[0] as string;
    const params = parseParams(values.param ?? []);
    const config = configWithData(values.data);
    const saved = savedQuery(source, config.root, config.baseIri);
    const { text, file } = saved ? { text: saved.text, file: saved.file } : await readQuery(source);
    let analysis;
    try {
      analysis = new QueryAnalyzer(config.baseIri).analyze(text);
    } catch (error) {
      throw withFile(error, file);
    }
    const kind = analysis.resultKind;
    const decorated = saved ?? (file && text.startsWith('#+') ? parseQueryFile(file, file, text, analysis) : undefined);
    if (!decorated && Object.keys(params).length > 0) {
      throw new BadRequestError('--param needs a saved query or a .rq file with grlc front matter ("#+ summary: ...")');
    }
    const format = chooseFormat(values.format, kind);
    const store = await openCommandStore(config);
    try {
      const result = decorated ? (await runSavedQuery(store, decorated, params, { paginate: false })).result : await store.query({ query: text });
      const output = await format.serialize(result, serializeContext(config.baseIri));
      io.out(output.endsWith('\n') ? output : `${output}\n`);
      if (result.kind !== 'boolean' && result.truncated) {
        const what = result.kind === 'bindings' ? 'rows' : 'triples';
        io.err(`casegraph query: answer truncated at ${config.maxResults} ${what} (MAX_RESULTS)\n`);
      }
      return 0;
    } finally {
      await store.close();
    }
  },
});

/** `--param name=value` pairs; a name given twice is a mistake, not "last one wins". */
function parseParams(pairs: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const match = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/s.exec(pair);
    if (!match) throw new UsageError(`--param needs NAME=VALUE, got ${JSON.stringify(pair)}`);
    const [, name = '', value = ''] = match;
    if (name in params) throw new UsageError(`parameter ${name} is given twice`);
    params[name] = value;
  }
  return params;
}

/** A name such as `persons/by-charge` is a saved query from queries/, unless a file of that name exists. */
function savedQuery(source: string, root: string, baseIri: string): SavedQuery | undefined {
  if (!/^[\w-]+(\/[\w-]+)+$/.test(source)) return undefined;
  return loadQueryCatalog(root, baseIri).get(source);
}

/** A `.rq` argument is a file; anything else is the query text itself. */
async function readQuery(source: string): Promise<{ text: string; file?: string }> {
  if (!source.endsWith('.rq')) return { text: source };
  try {
    return { text: await readFile(source, 'utf8'), file: source };
  } catch (error) {
    throw new BadRequestError(`cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function chooseFormat(name: string | undefined, kind: ResultKind): ResultFormat {
  const usable = formatsFor(kind);
  if (name === undefined) return usable[0] as ResultFormat;
  const format = findResultFormat(name);
  // The parser checked the name against the choices.
  if (!format) throw new BadRequestError(`unknown format ${JSON.stringify(name)}`);
  if (!format.kinds.includes(kind)) {
    throw new BadRequestError(`--format ${name} cannot carry this query's answer (use ${usable.map((f) => f.name).join(', ')})`);
  }
  return format;
}

/** Errors in a .rq file name the file, so terminals link file:line:column. */
function withFile(error: unknown, file: string | undefined): unknown {
  if (!file || !(error instanceof CasegraphError)) return error;
  return new BadRequestError(error.message, { ...error.location, file }, { cause: error });
}
