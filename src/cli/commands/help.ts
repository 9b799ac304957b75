// `casegraph help [COMMAND]`: the overview, or one command's help, on stdout.
import { defineCommand, type Command } from '../command.js';
import { formatCommandHelp, formatOverview } from '../format-help.js';
import { UsageError } from '../usage-error.js';

/** Takes the command list lazily, because the list includes this command. */
export function helpCommand(commands: () => readonly Command[]): Command {
  return defineCommand({
    name: 'help',
    summary: 'Print the overview, or the options, settings and exit codes of one command.',
    positional: { name: 'COMMAND', noun: 'command', description: 'The command to describe.', min: 0, max: 1 },
    options: [],
    environment: [],
    examples: ['casegraph help query'],
    async run({ positionals: [name] }, io) {
      if (name === undefined) {
        io.out(formatOverview(commands()));
        return 0;
      }
      const command = commands().find((c) => c.name === name);
      if (!command) throw new UsageError(`unknown command ${JSON.stringify(name)}`);
      io.out(formatCommandHelp(command));
      return 0;
    },
  });
}
