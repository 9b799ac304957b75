// The `casegraph` command line: picks a subcommand, parses its arguments, and turns errors into a message and an exit code.
import { CasegraphError } from '../errors/casegraph-error.js';
import type { Command, CommandIo } from './command.js';
import { citeCommand } from './commands/cite.js';
import { exportCommand } from './commands/export.js';
import { helpCommand } from './commands/help.js';
import { importCommand } from './commands/import.js';
import { loadCommand } from './commands/load.js';
import { queryCommand } from './commands/query.js';
import { serveCommand } from './commands/serve.js';
import { validateCommand } from './commands/validate.js';
import { exitCodes } from './exit-codes.js';
import { formatCommandHelp, formatOverview } from './format-help.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

export type { CommandIo } from './command.js';

export const commands: readonly Command[] = [
  validateCommand,
  importCommand,
  queryCommand,
  serveCommand,
  exportCommand,
  loadCommand,
  citeCommand,
  helpCommand(() => commands),
];

/** Runs one command and resolves to the process exit code (see exit-codes.ts); never throws. */
export async function main(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    // No command is a usage mistake, so the overview goes where mistakes go.
    io.err(formatOverview(commands));
    return exitCodes.usage;
  }
  // `casegraph --help [COMMAND]` is `casegraph help [COMMAND]`.
  const [name, args] = first === '--help' || first === '-h' ? ['help', rest] : [first, rest];
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const what = name.startsWith('-') ? 'option' : 'command';
    io.err(`casegraph: unknown ${what} ${name.startsWith('-') ? name : JSON.stringify(name)}; see casegraph --help\n`);
    return exitCodes.usage;
  }
  try {
    const parsed = parseCommandArgs(command, args);
    if (parsed === 'help') {
      io.out(formatCommandHelp(command));
      return exitCodes.success;
    }
    return await command.run(parsed, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`casegraph ${name}: ${error.message}; see casegraph ${name} --help\n`);
      return exitCodes.usage;
    }
    if (error instanceof CasegraphError) {
      io.err(`casegraph ${name}: ${error.describe()}\n`);
      // Client errors (4xx) are bad input; anything the server would answer 5xx with is a failure.
      return error.status >= 500 ? exitCodes.failure : exitCodes.usage;
    }
    io.err(`casegraph ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return exitCodes.failure;
  }
}

const processIo: CommandIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};
