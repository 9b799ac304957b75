// The committed sheets (data/imports/*.csv) import to exactly the committed Turtle (data/imported/), and a dry run on them changes nothing.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSheet, type ImportOutcome } from '../../src/curation/index.js';
import { projectRoot } from '../../src/config/load-config.js';

const baseIri = 'http://localhost:3000/';
const importsDir = path.join(projectRoot, 'data/imports');
const importedDir = path.join(projectRoot, 'data/imported');
const sheets = readdirSync(importsDir)
  .filter((f) => f.endsWith('.csv') && !f.startsWith('TEMPLATE'))
  .sort();

/** The first line where two texts differ, 1-based, with both versions, or undefined when they are the same bytes. */
function firstDifference(expected: string, actual: string): string | undefined {
  if (expected === actual) return undefined;
  const a = expected.split('\n');
  const b = actual.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `line ${String(at + 1)}: committed ${JSON.stringify(a[at] ?? '(end of file)')}, imported ${JSON.stringify(b[at] ?? '(end of file)')}`;
}

describe('the committed sheets', () => {
  it('are there: the campaign prisoners come through the import', () => {
    expect(sheets).toEqual(expect.arrayContaining(['gheyret-niyaz.csv', 'nurmuhammet-yasin.csv']));
  });

  it('are named in the header of every committed file, so a re-import knows which files it wrote', () => {
    for (const file of readdirSync(importedDir)) {
      const named = /^# Sheet: (.*)$/m.exec(readFileSync(path.join(importedDir, file), 'utf8'))?.[1];
      expect(named, `data/imported/${file}`).toMatch(/^data\/imports\//);
      expect(sheets, `data/imported/${file} names ${named ?? 'no sheet'}`).toContain(path.basename(named ?? ''));
    }
  });

  describe('imported afresh, one after another in name order, into a copy of the data without data/imported/', () => {
    let dir: string;
    let outDir: string;
    const outcomes: Array<[string, ImportOutcome]> = [];

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'casegraph-committed-sheets-'));
      cpSync(path.join(projectRoot, 'data'), path.join(dir, 'data'), { recursive: true, filter: (src) => !src.startsWith(importedDir) });
      outDir = path.join(dir, 'data/imported');
      for (const sheet of sheets) {
        const outcome = await importSheet({
          sheet: path.join(importsDir, sheet),
          root: projectRoot,
          baseIri,
          dataDirs: [path.join(dir, 'data')],
          outDir,
          dryRun: false,
          allowNew: false,
        });
        outcomes.push([sheet, outcome]);
      }
    }, 120_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('import without a problem', () => {
      for (const [sheet, outcome] of outcomes) expect(outcome.kind, sheet).toBe('done');
    });

    it('write exactly the committed files, byte for byte', () => {
      const committed = readdirSync(importedDir).sort();
      expect(readdirSync(outDir).sort()).toEqual(committed);
      for (const file of committed) {
        const difference = firstDifference(readFileSync(path.join(importedDir, file), 'utf8'), readFileSync(path.join(outDir, file), 'utf8'));
        expect(difference, `data/imported/${file} differs from its sheet's import`).toBeUndefined();
      }
    });
  });

  it.each(sheets)('%s: a dry run on the data as committed says no change', async (sheet) => {
    const outcome = await importSheet({
      sheet: path.join(importsDir, sheet),
      root: projectRoot,
      baseIri,
      dataDirs: ['data'],
      outDir: 'data/imported',
      dryRun: true,
      allowNew: false,
    });
    expect(outcome.kind).toBe('done');
    if (outcome.kind !== 'done') return;
    expect(outcome.written).toBe(false);
    expect(outcome.changes.length).toBeGreaterThan(0);
    expect(outcome.changes.filter((c) => c.status !== 'unchanged').map((c) => `${c.file}: ${c.status}\n${c.diff}`)).toEqual([]);
  });
});
