// The shape every CLI subcommand has: one declaration of its arguments, read both by the parser and by --help.
import type { EnvironmentVariable } from './environment-variables.js';

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

export interface OptionSpec {
  /** Long name without dashes: `format` for `--format`. */
  readonly name: string;
  /** One letter: `f` for `-f`. */
  readonly short?: string;
  readonly type: 'string' | 'boolean';
  /** What a string option's value is called in help and messages, e.g. `FORMAT` or `NAME=VALUE`. */
  readonly valueName?: string;
  readonly description: string;
  /** May be given more than once; its value is then the list of values in order. */
  readonly repeatable?: boolean;
  /** The only values a string option accepts; the description names them (built from the same list). */
  readonly choices?: readonly string[];
}

export interface PositionalSpec {
  /** As in the synopsis: `QUERY`, `PERSON-ID`, `PATH`. */
  readonly name: string;
  /** As in messages: `no query given`, `give one query, not several`. */
  readonly noun: string;
  readonly description: string;
  readonly min: number;
  readonly max: number;
  /** Shown when it is missing, e.g. `gulmire-imin`. */
  readonly example?: string;
}

type OptionValue<S extends OptionSpec> = S['type'] extends 'boolean' ? boolean : S extends { readonly repeatable: true } ? string[] : string;

/** Option values keyed by long name, typed from the declaration; absent options are undefined. */
export type OptionValues<O extends readonly OptionSpec[]> = { readonly [S in O[number] as S['name']]?: OptionValue<S> };

export interface ParsedArgs<O extends readonly OptionSpec[]> {
  readonly values: OptionValues<O>;
  readonly positionals: readonly string[];
}

/** Exit codes 1 and 2 always mean what exit-codes.ts says; these say what they mean for one command. */
export interface ExitNotes {
  readonly 0?: string;
  readonly 1?: string;
  readonly 2?: string;
}

export interface Command<O extends readonly OptionSpec[] = readonly OptionSpec[]> {
  readonly name: string;
  /** One sentence for the command list and the top of its help. */
  readonly summary: string;
  /** Further paragraphs of help, if the summary is not enough. */
  readonly details?: readonly string[];
  readonly positional?: PositionalSpec;
  /** Every option but --help, which every command takes. */
  readonly options: O;
  /** The settings it reads from the environment. */
  readonly environment: readonly EnvironmentVariable[];
  readonly exitNotes?: ExitNotes;
  readonly examples?: readonly string[];
  /** Resolves to the exit code (see exit-codes.ts); runs only on arguments that passed the declaration. */
  run(args: ParsedArgs<O>, io: CommandIo): Promise<number>;
}

/** Keeps the literal option names and types, so `run` sees typed values. */
export function defineCommand<const O extends readonly OptionSpec[]>(command: Command<O>): Command<O> {
  return command;
}
