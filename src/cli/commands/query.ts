// `casegraph query`: runs one read-only SPARQL query (text or .rq file) over the loaded graph and prints the answer.
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../../config/load-config.js';
import { BadRequestError, CasegraphError } from '../../errors/casegraph-error.js';
import { QueryAnalyzer } from '../../engine/query-analyzer.js';
import { findResultFormat, formatsFor, resultFormats, serializeContext } from '../../formats/result-formats.js';
import type { ResultFormat } from '../../formats/result-formats.js';
import { openStore } from '../../backends/open-store.js';
import { loadQueryCatalog } from '../../queries/index.js';
import { parseQueryFile } from '../../queries/index.js';
import { runSavedQuery } from '../../queries/index.js';
import type { SavedQuery } from '../../queries/index.js';
import type { Command } from '../command.js';

const formatNames = resultFormats.map((f) => f.name).join('|');

interface QueryArgs {
  readonly source: string;
  readonly format?: string;
  /** `--param name=value`, for saved queries and grlc-decorated .rq files. */
  readonly params: Readonly<Record<string, string>>;
}

export const queryCommand: Command = {
  name: 'query',
  usage: `query 'SPARQL' | FILE.rq | SAVED-QUERY [--param NAME=VALUE ...] [--format ${formatNames}]`,
  summary: 'Run a read-only SPARQL query, a .rq file or a saved query from queries/ (e.g. persons/by-charge) and print the result.',
  async run(args, io) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      io.err(`casegraph query: ${parsed}\nUsage: casegraph ${queryCommand.usage}\n`);
      return 2;
    }
    const config = loadConfig();
    const saved = savedQuery(parsed.source, config.root, config.baseIri);
    const { text, file } = saved ? { text: saved.text, file: saved.file } : await readQuery(parsed.source);
    let analysis;
    try {
      analysis = new QueryAnalyzer(config.baseIri).analyze(text);
    } catch (error) {
      throw withFile(error, file);
    }
    const kind = analysis.resultKind;
    const decorated = saved ?? (file && text.startsWith('#+') ? parseQueryFile(file, file, text, analysis) : undefined);
    if (!decorated && Object.keys(parsed.params).length > 0) {
      throw new BadRequestError('--param needs a saved query or a .rq file with grlc front matter ("#+ summary: ...")');
    }
    const format = chooseFormat(parsed.format, kind);
    const store = await openStore({ ...config, workers: 1 });
    try {
      const result = decorated
        ? (await runSavedQuery(store, decorated, parsed.params, { paginate: false })).result
        : await store.query({ query: text });
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
};

function parseArgs(args: readonly string[]): QueryArgs | string {
  let source: string | undefined;
  let format: string | undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--param' || arg === '-p' || arg.startsWith('--param=')) {
      const pair = arg.startsWith('--param=') ? arg.slice('--param='.length) : args[++i];
      const match = pair === undefined ? null : /^([A-Za-z][A-Za-z0-9]*)=(.*)$/s.exec(pair);
      if (!match) return `${arg.split('=')[0]} needs NAME=VALUE`;
      if (match[1]! in params) return `parameter ${match[1]} is given twice`;
      params[match[1]!] = match[2]!;
    } else if (arg === '--format' || arg === '-f') {
      format = args[++i];
      if (format === undefined) return `${arg} needs a value (${formatNames})`;
    } else if (arg.startsWith('--format=')) {
      format = arg.slice('--format='.length);
    } else if (arg.startsWith('-') && arg.length > 1) {
      return `unknown option ${arg}`;
    } else if (source === undefined) {
      source = arg;
    } else {
      return 'give one query (text or a .rq file), not several';
    }
  }
  if (source === undefined) return 'no query given';
  return { source, format, params };
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

function chooseFormat(name: string | undefined, kind: ResultFormat['kinds'][number]): ResultFormat {
  const usable = formatsFor(kind);
  if (name === undefined) return usable[0] as ResultFormat;
  const format = findResultFormat(name);
  if (!format) throw new BadRequestError(`unknown format ${JSON.stringify(name)} (want ${formatNames})`);
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
