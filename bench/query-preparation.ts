// Times what every query pays before evaluation (parse, the AST and algebra rewrites of src/engine/), pass by pass.
// Run: npx tsx bench/query-preparation.ts [ROUNDS]   (default 200; prints a table of medians in µs over the saved
// and bench queries, and the rewrites' share of the whole preparation)
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Parser } from '@traqula/parser-sparql-1-2';
import { AstFactory } from '@traqula/rules-sparql-1-2';
import { projectRoot } from '../src/config/load-config.js';
import { QueryAnalyzer } from '../src/engine/query-analyzer.js';
import { scopeSubqueriesByGraph } from '../src/engine/scope-subqueries-by-graph.js';
import { markEmptyGraphPatterns } from '../src/engine/empty-graph-patterns.js';
import { dropUnboundBinds } from '../src/engine/drop-unbound-binds.js';
import { rewriteTermEquality } from '../src/engine/rewrite-term-equality.js';
import { rescopeOptionalGraphVariables } from '../src/engine/rescope-optional-graph-variables.js';
import { keepImplicitGroupRow } from '../src/engine/keep-implicit-group-row.js';

const rounds = Number(process.argv[2] ?? 200);
const base = 'http://localhost:3000/';

function rqFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.rq'))
    .map((f) => path.join(folder, f))
    .sort();
}

const files = [...rqFiles(path.join(projectRoot, 'queries')), ...rqFiles(path.join(projectRoot, 'bench/queries'))];
const analyzer = new QueryAnalyzer(base);
const parser = new Parser();

/** Median of `rounds` timings of `work`, in µs; `setup` runs untimed before each (the AST passes change their input). */
function median<T>(setup: () => T, work: (input: T) => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const input = setup();
    const started = process.hrtime.bigint();
    work(input);
    times.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const parse = (text: string) => parser.parse(text, { baseIRI: base, astFactory: new AstFactory() });
const columns = ['parse', 'analyze (all)', 'AST passes', 'dropUnboundBinds', 'rewriteTermEquality', 'rescopeOptional…', 'keepImplicitGroupRow'] as const;
const totals = Object.fromEntries(columns.map((c) => [c, 0])) as Record<(typeof columns)[number], number>;
const rows: string[] = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const operation = analyzer.analyze(text).operation;
  const figures: Record<(typeof columns)[number], number> = {
    parse: median(() => text, parse),
    'analyze (all)': median(
      () => text,
      (t) => analyzer.analyze(t),
    ),
    'AST passes': median(
      () => parse(text),
      (ast) => {
        scopeSubqueriesByGraph(ast);
        markEmptyGraphPatterns(ast);
      },
    ),
    dropUnboundBinds: median(
      () => operation,
      (op) => dropUnboundBinds(op, []),
    ),
    rewriteTermEquality: median(() => operation, rewriteTermEquality),
    'rescopeOptional…': median(() => operation, rescopeOptionalGraphVariables),
    keepImplicitGroupRow: median(() => operation, keepImplicitGroupRow),
  };
  for (const c of columns) totals[c] += figures[c];
  rows.push(`| ${path.relative(projectRoot, file)} | ${columns.map((c) => figures[c].toFixed(0)).join(' | ')} |`);
}
const rewrites = totals['AST passes'] + totals.dropUnboundBinds + totals.rewriteTermEquality + totals['rescopeOptional…'] + totals.keepImplicitGroupRow;
console.log(`Node ${process.version}, ${files.length} queries, median of ${rounds} rounds each, µs`);
console.log(`| query | ${columns.join(' | ')} |`);
console.log(`|---|${columns.map(() => '---').join('|')}|`);
for (const row of rows) console.log(row);
console.log(`| **sum** | ${columns.map((c) => `**${totals[c].toFixed(0)}**`).join(' | ')} |`);
console.log(
  `\nThe rewrites (AST passes + four algebra passes) take ${rewrites.toFixed(0)} µs over all ${files.length} queries, ` +
    `${((100 * rewrites) / (totals['analyze (all)'] + rewrites - totals['AST passes'])).toFixed(1)} % of preparation ` +
    `(analyze, which includes the AST passes, plus the algebra passes); mean per query ${(rewrites / files.length).toFixed(0)} µs.`,
);
