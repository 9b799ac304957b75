import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openCaseApp, type CaseApp } from '../helpers/case-app.js';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['cite', ...args], { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

let ctx: CaseApp;
beforeAll(async () => {
  ctx = await openCaseApp();
});
afterAll(async () => ctx?.app.close());

describe('casegraph cite', () => {
  it.each(['csl-json', 'bibtex', 'ris', 'un-footnote'])('prints the same %s as the citations route', async (format) => {
    const { code, out, err } = await run('gulmire-imin', '--format', format);
    expect([code, err]).toEqual([0, '']);
    const response = await ctx.app.inject({ url: `/api/persons/gulmire-imin/citations?format=${format}` });
    expect(out).toBe(response.body);
  });

  it('prints CSL-JSON when no format is given', async () => {
    const { code, out } = await run('gulmire-imin');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toHaveLength(11);
  });
});

describe('casegraph cite with bad input', () => {
  it('exits 2 naming the allowed formats for an unknown one', async () => {
    const { code, err } = await run('gulmire-imin', '--format', 'endnote');
    expect(code).toBe(2);
    expect(err).toContain('--format must be one of csl-json, bibtex, ris, apa, apa-html, un-footnote, un-footnote-html; got "endnote"');
  });

  it('exits 2 for an unknown person', async () => {
    const { code, out, err } = await run('no-such-person');
    expect([code, out]).toEqual([2, '']);
    expect(err).toBe('casegraph cite: no person with id "no-such-person"\n');
  });

  it('exits 2 with usage when no person is given', async () => {
    const { code, err } = await run('--format', 'ris');
    expect(code).toBe(2);
    expect(err).toContain('no person id given');
  });
});
