// The `casegraph` command line: picks a subcommand and turns typed errors into a message and an exit code.
import { CasegraphError } from '../errors/casegraph-error.js';
import type { Command } from './command.js';
import { validateCommand } from './commands/validate.js';
import { queryCommand } from './commands/query.js';
import { serveCommand } from './commands/serve.js';
import { exportCommand } from './commands/export.js';
import { citeCommand } from './commands/cite.js';

const commands: readonly Command[] = [validateCommand, queryCommand, serveCommand, exportCommand, citeCommand];

function usage(): string {
  const lines = commands.map((c) => `  casegraph ${c.usage}\n      ${c.summary}`);
  return `Usage:\n${lines.join('\n')}\n`;
}

/** Runs one command and resolves to the process exit code; never throws. */
export async function main(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`casegraph: unknown command ${JSON.stringify(name)}\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CasegraphError) {
      io.err(`casegraph ${name}: ${error.describe()}\n`);
      return error.status >= 500 ? 1 : 2;
    }
    io.err(`casegraph ${name}: ${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  }
}

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CommandIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};
