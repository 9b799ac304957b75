// Parses one command's arguments with node:util parseArgs, against the command's own declaration.
import { parseArgs } from 'node:util';
import type { Command, OptionSpec, OptionValues, ParsedArgs } from './command.js';
import { UsageError } from './usage-error.js';

/** Every command takes it; the parser adds it so no declaration can forget it. */
export const helpOption = { name: 'help', short: 'h', type: 'boolean', description: 'Print this help and exit.' } as const satisfies OptionSpec;

type Declaration<O extends readonly OptionSpec[]> = Pick<Command<O>, 'options' | 'positional'>;

/**
 * Resolves to the parsed arguments, or to 'help' when -h/--help is given anywhere (before `--`).
 * Throws a UsageError naming the first mistake: an unknown option, a missing or unexpected value, a value
 * outside the choices, a single-valued option given twice, or too few or too many positionals.
 */
export function parseCommandArgs<O extends readonly OptionSpec[]>(command: Declaration<O>, args: readonly string[]): ParsedArgs<O> | 'help' {
  const specs: readonly OptionSpec[] = [...command.options, helpOption];
  const options = Object.fromEntries(specs.map((s) => [s.name, { type: s.type, multiple: s.repeatable === true, ...(s.short ? { short: s.short } : {}) }]));
  // Node's strict errors are worded for programmers and stop at the first problem without saying which option
  // in a form we can read back, so a loose pass tokenises everything and our own checks word the mistake.
  const loose = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  if (loose.tokens.some((t) => t.kind === 'option' && t.name === 'help')) return 'help';
  checkTokens(loose.tokens, specs, command.positional);
  // The strict pass stays the authority on values: anything our checks missed is still refused, as a usage error.
  try {
    const strict = parseArgs({ args: [...args], options, strict: true, allowPositionals: (command.positional?.max ?? 0) > 0 });
    return { values: strict.values as OptionValues<O>, positionals: strict.positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

type Token = ReturnType<typeof parseArgs<{ tokens: true; strict: false; allowPositionals: true }>>['tokens'][number];

function checkTokens(tokens: readonly Token[], specs: readonly OptionSpec[], positional: Declaration<readonly OptionSpec[]>['positional']): void {
  const seen = new Set<string>();
  let positionals = 0;
  for (const token of tokens) {
    if (token.kind === 'positional') positionals += 1;
    if (token.kind !== 'option') continue;
    const spec = specs.find((s) => s.name === token.name);
    if (!spec) throw new UsageError(`unknown option ${token.rawName}`);
    if (spec.type === 'boolean' && token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
    // As in strict parseArgs, `--format --param` is a forgotten value, not the value "--param"; `--format=-x` is allowed.
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && /^-./.test(token.value)))) {
      throw new UsageError(`${token.rawName} needs a value (${spec.valueName ?? 'VALUE'})`);
    }
    if (spec.choices && token.value !== undefined && !spec.choices.includes(token.value)) {
      throw new UsageError(`--${spec.name} must be one of ${spec.choices.join(', ')}; got ${JSON.stringify(token.value)}`);
    }
    if (seen.has(spec.name) && !spec.repeatable) throw new UsageError(`--${spec.name} is given more than once`);
    seen.add(spec.name);
  }
  const min = positional?.min ?? 0;
  const max = positional?.max ?? 0;
  if (positional && positionals < min) {
    throw new UsageError(`no ${positional.noun} given${positional.example ? ` (e.g. ${positional.example})` : ''}`);
  }
  if (positionals > max) {
    const extra = tokens.filter((t) => t.kind === 'positional')[max];
    if (!positional || max === 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra?.value)}`);
    throw new UsageError(max === 1 ? `give one ${positional.noun}, not several` : `give at most ${max} ${positional.noun}s`);
  }
}
