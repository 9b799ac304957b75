// Help text generated from the command declarations, so what --help says and what the parser accepts cannot drift.
import type { Command, OptionSpec, PositionalSpec } from './command.js';
import { environmentVariables, allEnvironmentVariables, type EnvironmentVariable } from './environment-variables.js';
import { exitCodeMeanings } from './exit-codes.js';
import { helpOption } from './parse-command-args.js';

const width = 80;
const labelWidth = 26;

/** `casegraph query QUERY [--format FORMAT] [--param NAME=VALUE ...]` */
export function synopsis(command: Command): string {
  const options = command.options.map((o) => {
    const value = o.type === 'string' ? ` ${o.valueName ?? 'VALUE'}` : '';
    return `[--${o.name}${value}${o.repeatable ? ' ...' : ''}]`;
  });
  return ['casegraph', command.name, positionalSynopsis(command.positional), ...options].filter(Boolean).join(' ');
}

export function formatCommandHelp(command: Command): string {
  const sections = [`Usage: ${synopsis(command)}`, paragraph(command.summary), ...(command.details ?? []).map(paragraph)];
  if (command.positional) sections.push(`Arguments:\n${row(command.positional.name, command.positional.description)}`);
  const options = [...command.options, helpOption].map((o) => row(optionLabel(o), optionDescription(o)));
  sections.push(`Options:\n${options.join('\n')}`);
  if (command.environment.length > 0) sections.push(`Environment:\n${environmentRows(command.environment)}`);
  sections.push(`Exit codes:\n${exitCodeRows(command)}`);
  if (command.examples?.length) sections.push(`Examples:\n${command.examples.map((e) => `  ${e}`).join('\n')}`);
  return `${sections.join('\n\n')}\n`;
}

export function formatOverview(commands: readonly Command[]): string {
  const list = commands.map((c) => row([c.name, positionalSynopsis(c.positional)].filter(Boolean).join(' '), c.summary));
  return `${[
    'Usage: casegraph COMMAND [ARGUMENTS] [OPTIONS]',
    paragraph('casegraph: a linked-data knowledge graph and research API. Commands work on ontology/, data/ and queries/ under the project root.'),
    `Commands:\n${list.join('\n')}`,
    paragraph('Every command takes -h, --help; `casegraph help COMMAND` prints the same: its options, the settings it reads and its exit codes.'),
    `Environment:\n${environmentRows(allEnvironmentVariables)}`,
    paragraph("Every command checks all of these at startup: a bad value stops it, naming the variable (exit 1). Each command's help lists the ones it uses."),
    `Exit codes:\n${exitCodeRows()}`,
  ].join('\n\n')}\n`;
}

function positionalSynopsis(positional: PositionalSpec | undefined): string {
  if (!positional) return '';
  const more = positional.max > 1 ? ' ...' : '';
  return positional.min === 0 ? `[${positional.name}${more}]` : `${positional.name}${more}`;
}

function optionLabel(option: OptionSpec): string {
  const value = option.type === 'string' ? ` ${option.valueName ?? 'VALUE'}` : '';
  return `${option.short ? `-${option.short}, ` : '    '}--${option.name}${value}`;
}

// Choices are not appended here: a description says which values fit what (query formats depend on the query form).
function optionDescription(option: OptionSpec): string {
  return `${option.description}${option.repeatable ? ' Repeatable.' : ''}`;
}

function environmentRows(names: readonly EnvironmentVariable[]): string {
  return names.map((name) => row(name, environmentVariables[name])).join('\n');
}

function exitCodeRows(command?: Command): string {
  return exitCodeMeanings
    .map(([code, meaning]) => {
      const note = command?.exitNotes?.[code as 0 | 1 | 2];
      return row(String(code), note ? `${meaning}. For ${command.name}: ${note}.` : `${meaning}.`, 5);
    })
    .join('\n');
}

/** Two-column row: label, then the text wrapped beside it (or below it, when the label is too long). */
function row(label: string, text: string, column = labelWidth): string {
  const indent = ' '.repeat(column);
  const lines = wrap(text, width - column);
  const first = `  ${label}`;
  if (first.length + 1 > column) return [first, ...lines.map((l) => indent + l)].join('\n');
  return [first.padEnd(column) + (lines[0] ?? ''), ...lines.slice(1).map((l) => indent + l)].join('\n');
}

function paragraph(text: string): string {
  return wrap(text, width).join('\n');
}

function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > columns) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
