import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/load-config.js';
import { openCaseApp, type CaseApp } from '../helpers/case-app.js';

// The README's guide: each ```sparql block is followed by <!-- answer --> … <!-- /answer --> holding its answer
// as a Markdown table. UPDATE_GUIDE=1 writes the answers instead of comparing them.
const readmePath = path.join(projectRoot, 'README.md');
const update = process.env.UPDATE_GUIDE === '1';

interface Binding {
  readonly type: string;
  readonly value: string;
}

let ctx: CaseApp;
beforeAll(async () => {
  ctx = await openCaseApp();
});
afterAll(async () => ctx?.app.close());

function guideEntries(readme: string): Array<{ title: string; query: string; answer: string; answerStart: number; answerEnd: number }> {
  const start = readme.indexOf('<!-- guide:start -->');
  const end = readme.indexOf('<!-- guide:end -->');
  const pattern = /### (.+)\n[\s\S]*?```sparql\n([\s\S]*?)\n```\n\n<!-- answer -->\n([\s\S]*?)<!-- \/answer -->/g;
  const entries = [];
  for (const m of readme.slice(start, end).matchAll(pattern)) {
    const answerStart = start + (m.index ?? 0) + m[0].length - '<!-- /answer -->'.length - (m[3] ?? '').length;
    entries.push({ title: m[1] ?? '', query: m[2] ?? '', answer: m[3] ?? '', answerStart, answerEnd: answerStart + (m[3] ?? '').length });
  }
  return entries;
}

/** The answer as a Markdown table: IRIs under BASE_IRI relative to it, literals by their lexical form, unbound empty. */
function table(vars: readonly string[], rows: ReadonlyArray<Readonly<Record<string, Binding>>>, base: string): string {
  const cell = (b: Binding | undefined) =>
    (b === undefined ? '' : b.type === 'uri' && b.value.startsWith(base) ? b.value.slice(base.length) : b.value).replace(/\|/g, '\\|');
  const lines = [`| ${vars.join(' | ')} |`, `|${vars.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${vars.map((v) => cell(r[v])).join(' | ')} |`)];
  return `${lines.join('\n')}\n`;
}

describe("the README's researcher's guide", () => {
  it('has ten worked queries', () => {
    expect(guideEntries(readFileSync(readmePath, 'utf8'))).toHaveLength(10);
  });

  it('shows for each query the answer /sparql gives', async () => {
    let readme = readFileSync(readmePath, 'utf8');
    const entries = guideEntries(readme);
    const answers: string[] = [];
    for (const entry of entries) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/sparql',
        headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' },
        payload: entry.query,
      });
      expect(res.statusCode, entry.title).toBe(200);
      const body = res.json<{ head: { vars: string[] }; results: { bindings: Array<Record<string, Binding>> } }>();
      expect(body.results.bindings.length, `${entry.title}: an empty answer teaches nothing`).toBeGreaterThan(0);
      answers.push(table(body.head.vars, body.results.bindings, ctx.config.baseIri));
    }
    if (update) {
      for (const [i, entry] of [...entries.entries()].reverse())
        readme = readme.slice(0, entry.answerStart) + (answers[i] ?? '') + readme.slice(entry.answerEnd);
      writeFileSync(readmePath, readme);
    }
    for (const [i, entry] of entries.entries()) expect(entry.answer, entry.title).toBe(update ? entry.answer : answers[i]);
  });
});
