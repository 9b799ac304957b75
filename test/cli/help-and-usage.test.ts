// Help and usage mistakes for every command: what --help lists, and the one-line message and exit 2 for each kind of mistake.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { commands, main } from '../../src/cli/main.js';
import { parseCommandArgs } from '../../src/cli/parse-command-args.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { projectRoot } from '../../src/config/load-config.js';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

// Written out by hand, not read from the declarations, so a dropped or renamed option fails here.
const expected: Record<string, { options: string[]; environment: string[] }> = {
  validate: { options: ['-c, --curation-csv FILE', '-h, --help'], environment: ['BASE_IRI'] },
  import: { options: ['-n, --dry-run', '-a, --allow-new', '-o, --out DIR', '-d, --data DIR', '-h, --help'], environment: ['BASE_IRI', 'DATA_DIRS'] },
  query: {
    options: ['-f, --format FORMAT', '-p, --param NAME=VALUE', '-d, --data DIR', '-h, --help'],
    environment: ['BASE_IRI', 'DATA_DIRS', 'QUERY_TIMEOUT_MS', 'MAX_RESULTS', 'QUERY_MEMORY_MB'],
  },
  serve: {
    options: ['-d, --data DIR', '-h, --help'],
    environment: [
      'BASE_IRI',
      'PUBLIC_BASE_IRI',
      'HOST',
      'PORT',
      'DATA_DIRS',
      'QUERY_TIMEOUT_MS',
      'MAX_RESULTS',
      'QUERY_WORKERS',
      'QUERY_MEMORY_MB',
      'QUERY_WORKER_NICE',
      'REQUEST_TIMEOUT_MS',
      'MAX_CONNECTIONS',
      'KEEP_ALIVE_TIMEOUT_MS',
      'MAX_REQUESTS_PER_SOCKET',
      'SNAPSHOT_DIR',
      'CACHE_MB',
      'QUERY_QUEUE_SIZE',
      'QUERIES_PER_CLIENT',
      'RESERVED_WORKERS',
      'CHEAP_QUERY_MS',
      'QUERY_BUDGET_MS',
      'API_KEY_HEADER',
      'MAX_ANSWER_BYTES',
      'LOG_LEVEL',
      'STORE',
      'SPARQL_QUERY_URL',
      'SPARQL_MAX_BYTES',
    ],
  },
  load: {
    options: ['-t, --to STORE', '-d, --data DIR', '-h, --help'],
    environment: ['BASE_IRI', 'DATA_DIRS', 'SPARQL_QUERY_URL', 'SPARQL_UPDATE_URL', 'SPARQL_USER', 'SPARQL_PASSWORD'],
  },
  export: { options: ['-o, --out DIR', '-d, --data DIR', '-h, --help'], environment: ['BASE_IRI', 'DATA_DIRS'] },
  cite: {
    options: ['-f, --format FORMAT', '-d, --data DIR', '-h, --help'],
    environment: ['BASE_IRI', 'DATA_DIRS', 'QUERY_TIMEOUT_MS', 'MAX_RESULTS', 'QUERY_MEMORY_MB'],
  },
  help: { options: ['-h, --help'], environment: [] },
};

function section(help: string, title: string): string {
  return new RegExp(`^${title}:\\n((?:  .*\\n?)+)`, 'm').exec(help)?.[1] ?? '';
}

describe('casegraph COMMAND --help', () => {
  it('covers every command there is', () => {
    expect(commands.map((c) => c.name).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s --help lists its options, settings and exit codes on stdout, exit 0', async (name, { options, environment }) => {
    const { code, out, err } = await run(name, '--help');
    expect([code, err]).toEqual([0, '']);
    expect(out).toMatch(new RegExp(`^Usage: casegraph ${name}\\b`));
    const listed = section(out, 'Options');
    for (const option of options) expect(listed).toMatch(new RegExp(`^  ${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +\\S`, 'm'));
    expect(listed.match(/^ {2}(-\w, )?--\w+/gm)).toHaveLength(options.length);
    const env = section(out, 'Environment');
    for (const variable of environment) expect(env).toMatch(new RegExp(`^  ${variable} +\\S`, 'm'));
    expect(env.match(/^ {2}[A-Z_]+ /gm) ?? []).toHaveLength(environment.length);
    expect(section(out, 'Exit codes')).toMatch(/^ {2}0 {2}success.*\n(.*\n)* {2}1 {2}a failure found.*\n(.*\n)* {2}2 {2}bad usage/m);
  });

  it.each(Object.keys(expected))('prints the same for %s -h, help CMD and --help CMD', async (name) => {
    const { out } = await run(name, '--help');
    for (const args of [
      [name, '-h'],
      ['help', name],
      ['--help', name],
    ])
      expect(await run(...args)).toEqual({ code: 0, out, err: '' });
  });

  it('prints help when --help comes after other arguments, even wrong ones', async () => {
    const { out } = await run('query', '--help');
    expect(await run('query', 'ASK {}', '--fromat', '-h')).toEqual({ code: 0, out, err: '' });
  });

  it('only lists options the parser accepts', async () => {
    for (const command of commands) {
      const options = section((await run(command.name, '--help')).out, 'Options');
      for (const [option] of options.matchAll(/--[a-z][a-z-]*/g)) {
        let message = '';
        try {
          parseCommandArgs(command, [option, 'x']);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
          message = (error as Error).message;
        }
        expect(message).not.toMatch(/unknown option/);
      }
    }
  });
});

describe('casegraph --help and help', () => {
  it.each([['--help'], ['-h'], ['help']])('%s lists every command with its summary, the settings and the exit codes', async (arg) => {
    const { code, out, err } = await run(arg);
    expect([code, err]).toEqual([0, '']);
    for (const command of commands) expect(out).toMatch(new RegExp(`^  ${command.name}\\b`, 'm'));
    expect(out).toContain('query QUERY');
    expect(out).toContain('cite PERSON-ID');
    expect(section(out, 'Environment')).toMatch(/^ {2}QUERY_WORKERS /m);
    expect(section(out, 'Exit codes')).toMatch(/^ {2}2 {2}bad usage/m);
  });

  it('with no arguments prints the overview on stderr and exits 2', async () => {
    const { code, out, err } = await run();
    expect([code, out]).toEqual([2, '']);
    expect(err).toBe((await run('--help')).out);
  });

  it('exits 2 for an unknown command, on one line', async () => {
    expect(await run('qeury', 'ASK {}')).toEqual({ code: 2, out: '', err: 'casegraph: unknown command "qeury"; see casegraph --help\n' });
    expect(await run('--verbose')).toEqual({ code: 2, out: '', err: 'casegraph: unknown option --verbose; see casegraph --help\n' });
    expect(await run('help', 'qeury')).toEqual({ code: 2, out: '', err: 'casegraph help: unknown command "qeury"; see casegraph help --help\n' });
  });

  it('takes `--` before a command name', async () => {
    expect(await run('help', '--', 'cite')).toEqual(await run('cite', '--help'));
  });
});

describe('usage mistakes', () => {
  it.each(Object.keys(expected))('%s: an unknown option is one line naming the option and the command, exit 2', async (name) => {
    expect(await run(name, '--fromat', 'csv')).toEqual({
      code: 2,
      out: '',
      err: `casegraph ${name}: unknown option --fromat; see casegraph ${name} --help\n`,
    });
  });

  it.each([
    [['query', 'ASK {}', '--format'], 'casegraph query: --format needs a value (FORMAT); see casegraph query --help\n'],
    [['query', 'ASK {}', '-p'], 'casegraph query: -p needs a value (NAME=VALUE); see casegraph query --help\n'],
    [['cite', 'gulmire-imin', '-f', '--out'], 'casegraph cite: -f needs a value (FORMAT); see casegraph cite --help\n'],
    [['export', '--out'], 'casegraph export: --out needs a value (DIR); see casegraph export --help\n'],
  ])('a missing value: %j', async (args, err) => {
    expect(await run(...args)).toEqual({ code: 2, out: '', err });
  });

  it.each([
    [['query', 'ASK {}', '-f', 'csv', '--format', 'tsv'], 'casegraph query: --format is given more than once; see casegraph query --help\n'],
    [['cite', 'gulmire-imin', '--format=ris', '--format=ris'], 'casegraph cite: --format is given more than once; see casegraph cite --help\n'],
    [['export', '-o', 'a', '-o', 'b'], 'casegraph export: --out is given more than once; see casegraph export --help\n'],
  ])('a single-valued option given twice: %j', async (args, err) => {
    expect(await run(...args)).toEqual({ code: 2, out: '', err });
  });

  it.each([
    [['query'], 'no query given'],
    [['query', 'ASK {}', 'ASK {}'], 'give one query, not several'],
    [['cite'], 'no person id given (e.g. gulmire-imin)'],
    [['cite', 'a', 'b'], 'give one person id, not several'],
    [['serve', '8080'], 'unexpected argument "8080"'],
    [['export', 'dist'], 'unexpected argument "dist"'],
    [['help', 'query', 'cite'], 'give one command, not several'],
  ])('a wrong number of arguments: %j', async (args, message) => {
    const [name] = args;
    expect(await run(...args)).toEqual({ code: 2, out: '', err: `casegraph ${name}: ${message}; see casegraph ${name} --help\n` });
  });

  it('a value outside the choices names them', async () => {
    const { code, err } = await run('query', 'ASK {}', '--format=yaml');
    expect(code).toBe(2);
    expect(err).toBe(
      'casegraph query: --format must be one of json, xml, csv, tsv, turtle, ntriples, nquads, trig, jsonld, rdfxml; got "yaml"; see casegraph query --help\n',
    );
  });
});

describe('casegraph query --param, repeated', () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'casegraph-cli-')), 'two.rq');
  writeFileSync(file, '#+ summary: Two parameters\nSELECT ?a ?b WHERE { BIND(?_a AS ?a) BIND(?_b AS ?b) }\n');

  it('binds each one', async () => {
    const { code, out, err } = await run('query', file, '--param', 'a=first', '-p', 'b=second', '--format', 'csv');
    expect([code, err]).toEqual([0, '']);
    expect(out.trim().split('\r\n')).toEqual(['a,b', 'first,second']);
  });

  it('refuses the same name twice', async () => {
    const { code, err } = await run('query', file, '--param', 'a=1', '--param=a=2');
    expect([code, err]).toEqual([2, 'casegraph query: parameter a is given twice; see casegraph query --help\n']);
  });
});

describe('through the installed bin', () => {
  const bin = path.join(projectRoot, 'bin/casegraph.js');
  const spawn = (args: string[]) =>
    promisify(execFile)(process.execPath, [bin, ...args], { cwd: projectRoot }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: unknown) => {
        const failed = e as { code: number; stdout: string; stderr: string };
        return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
      },
    );

  it('--help prints usage on stdout and exits 0', async () => {
    const { code, stdout, stderr } = await spawn(['--help']);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^Usage: casegraph COMMAND/);
  });

  it('an unknown option exits 2 with one line and no stack trace', async () => {
    expect(await spawn(['query', '--fromat', 'csv', 'ASK {}'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'casegraph query: unknown option --fromat; see casegraph query --help\n',
    });
  });
});
