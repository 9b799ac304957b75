// The shape every CLI subcommand has.
import type { CommandIo } from './main.js';

export interface Command {
  readonly name: string;
  /** One line: arguments and options. */
  readonly usage: string;
  readonly summary: string;
  /** Resolves to the exit code: 0 success, 1 failure found (e.g. invalid data), 2 bad usage. */
  run(args: readonly string[], io: CommandIo): Promise<number>;
}
