// The spreadsheet import against a synthetic sample sheet (made-up persons, sources and facts under http://example.test/).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSheet, templateColumns, type ImportOptions, type ImportOutcome } from '../../src/curation/index.js';
import { projectRoot } from '../../src/config/load-config.js';

const fixtures = path.join(projectRoot, 'test/curation/fixtures');
const sampleCsv = readFileSync(path.join(fixtures, 'sample.csv'), 'utf8');
const header = sampleCsv.split('\n')[0] ?? '';
const expected = path.join(fixtures, 'sample-expected');

let dir: string;
let dataDir: string;
let outDir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'casegraph-import-'));
  dataDir = path.join(dir, 'data');
  outDir = path.join(dataDir, 'imported');
  cpSync(path.join(fixtures, 'data'), dataDir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function sheet(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

function run(file: string, options: Partial<ImportOptions> = {}): Promise<ImportOutcome> {
  return importSheet({
    sheet: file,
    root: projectRoot,
    baseIri: 'http://example.test/',
    dataDirs: [dataDir],
    outDir,
    dryRun: false,
    allowNew: false,
    ...options,
  });
}

function written(): Record<string, string> {
  if (!existsSync(outDir)) return {};
  return Object.fromEntries(readdirSync(outDir).map((f) => [f, readFileSync(path.join(outDir, f), 'utf8')]));
}

function expectedFiles(): Record<string, string> {
  return Object.fromEntries(readdirSync(expected).map((f) => [f, readFileSync(path.join(expected, f), 'utf8')]));
}

/** The CSV's rows (comments and blank lines too) as a first worksheet, as a case worker would keep it in a spreadsheet. */
async function asXlsx(csv: string, name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet('claims');
  for (const row of Papa.parse<string[]>(csv.trimEnd()).data) worksheet.addRow(row);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

function problemsOf(outcome: ImportOutcome) {
  expect(outcome.kind).toBe('rejected');
  return outcome.kind === 'rejected' ? outcome.problems : [];
}

describe('importing the sample sheet', () => {
  it('writes one file per person, byte for byte the expected Turtle', async () => {
    const outcome = await run(sheet('sample.csv', sampleCsv));
    expect(outcome).toMatchObject({ kind: 'done', written: true });
    expect(written()).toEqual(expectedFiles());
  });

  it('reads the same sheet as .xlsx to the same Turtle, naming the .xlsx as its sheet', async () => {
    const outcome = await run(await asXlsx(sampleCsv, 'sample.xlsx'));
    expect(outcome).toMatchObject({ kind: 'done', written: true });
    const asXlsxSheet = Object.entries(expectedFiles()).map(([f, text]) => [f, text.replace('\n# Sheet: sample.csv\n', '\n# Sheet: sample.xlsx\n')]);
    expect(written()).toEqual(Object.fromEntries(asXlsxSheet));
  });

  it('names the sheet in every file’s header, by its path relative to the project root (or its name, outside it)', () => {
    for (const text of Object.values(expectedFiles())) expect(text.split('\n').slice(0, 3)).toContain('# Sheet: sample.csv');
  });

  it('records sources that disagree as two claims and keeps on the node only what they agree on', () => {
    const alpha = expectedFiles()['test-person-alpha.ttl'] ?? '';
    expect(alpha).toContain('claim:test-person-alpha-arrest-2019-11-29 a cg:Claim');
    expect(alpha).toContain('claim:test-person-alpha-arrest-2019-11-19 a cg:Claim');
    expect(alpha).toMatch(/event:test-person-alpha-arrest a cg:Arrest ;[^.]*dct:date "2019-11"\^\^xsd:gYearMonth/);
  });

  it('makes the same value from two sources one claim with two derivations', () => {
    const alpha = expectedFiles()['test-person-alpha.ttl'] ?? '';
    const claim = /claim:test-person-alpha-sentence-duration-p10y a cg:Claim ;[^]*?\n\n/.exec(alpha)?.[0] ?? '';
    expect(claim.match(/a prov:Derivation/g)).toHaveLength(2);
  });
});

describe('a date a spreadsheet stored as a date', () => {
  it('is read as its day, cut back to the precision the row states', async () => {
    const workbook = new ExcelJS.Workbook();
    const worksheet = workbook.addWorksheet('claims');
    worksheet.addRow(header.split(','));
    const source = ['https://example.test/page-one', 'Page one', 'Synthetic Publisher', '2020-05-01', 'para 1', ''];
    worksheet.addRow(['Test Person Gamma', 'arrest_date', new Date(Date.UTC(2010, 6, 1)), 'month', ...source]);
    worksheet.addRow(['Test Person Gamma', 'trial_date', new Date(Date.UTC(2010, 6, 23)), 'day', ...source]);
    const file = path.join(dir, 'dates.xlsx');
    await workbook.xlsx.writeFile(file);
    expect(await run(file)).toMatchObject({ kind: 'done', written: true });
    const gamma = written()['test-person-gamma.ttl'] ?? '';
    expect(gamma).toMatch(/event:test-person-gamma-arrest a cg:Arrest ;[^.]*dct:date "2010-07"\^\^xsd:gYearMonth/);
    expect(gamma).toMatch(/event:test-person-gamma-trial a cg:Trial ;[^.]*dct:date "2010-07-23"\^\^xsd:date/);
  });
});

describe('a dry run', () => {
  it('writes nothing and lists the files it would write', async () => {
    const outcome = await run(sheet('sample.csv', sampleCsv), { dryRun: true });
    expect(outcome).toMatchObject({ kind: 'done', written: false });
    expect(outcome.kind === 'done' && outcome.changes.map((c) => [c.file, c.status])).toEqual([
      ['imported/test-person-alpha.ttl', 'new'],
      ['imported/test-person-beta.ttl', 'new'],
      ['imported/sample.shared.ttl', 'new'],
    ]);
    expect(existsSync(outDir)).toBe(false);
  });
});

describe('importing the same sheet again', () => {
  it('changes nothing', async () => {
    const file = sheet('sample.csv', sampleCsv);
    await run(file);
    const before = written();
    const outcome = await run(file);
    expect(outcome).toMatchObject({ kind: 'done', written: false });
    expect(outcome.kind === 'done' && outcome.changes.every((c) => c.status === 'unchanged')).toBe(true);
    expect(written()).toEqual(before);
  });
});

describe('a changed sheet', () => {
  it('shows the change as a line diff and rewrites only the file it touches', async () => {
    await run(sheet('sample.csv', sampleCsv));
    const outcome = await run(sheet('sample.csv', sampleCsv.replace('Test Person Beta,stated_age,40', 'Test Person Beta,stated_age,41')), { dryRun: true });
    expect(outcome.kind).toBe('done');
    if (outcome.kind !== 'done') return;
    const beta = outcome.changes.find((c) => c.file === 'imported/test-person-beta.ttl');
    expect(beta?.status).toBe('changed');
    expect(beta?.diff).toContain('-     cg:statedAge "40"^^xsd:integer ;');
    expect(beta?.diff).toContain('+     cg:statedAge "41"^^xsd:integer ;');
    expect(outcome.changes.find((c) => c.file === 'imported/test-person-alpha.ttl')?.status).toBe('unchanged');
  });
});

/** The sample sheet without the rows the predicate picks. */
function sampleWithout(drop: (line: string) => boolean): string {
  return sampleCsv
    .split('\n')
    .filter((line) => !drop(line))
    .join('\n');
}

function doneChanges(outcome: ImportOutcome): Array<[string, string]> {
  expect(outcome.kind).toBe('done');
  return outcome.kind === 'done' ? outcome.changes.map((c) => [c.file, c.status]) : [];
}

describe('a person taken out of the sheet', () => {
  const withoutBeta = sampleWithout((line) => line.startsWith('Test Person Beta,'));

  it('on a dry run: says their file would be removed, shows every line of it going, and removes nothing', async () => {
    const file = sheet('sample.csv', sampleCsv);
    await run(file);
    const before = written();
    const outcome = await run(sheet('sample.csv', withoutBeta), { dryRun: true });
    expect(doneChanges(outcome)).toContainEqual(['imported/test-person-beta.ttl', 'removed']);
    expect(outcome).toMatchObject({ written: false });
    const beta = outcome.kind === 'done' ? outcome.changes.find((c) => c.file === 'imported/test-person-beta.ttl') : undefined;
    const lines = (before['test-person-beta.ttl'] ?? '').trimEnd().split('\n');
    expect(beta?.diff).toContain('- person:test-person-beta a schema:Person ;');
    expect(beta?.diff.trimEnd().split('\n')).toEqual(lines.map((line) => `- ${line}`));
    expect(written()).toEqual(before);
  });

  it('removes their file on import, and a re-import then changes nothing', async () => {
    await run(sheet('sample.csv', sampleCsv));
    const file = sheet('sample.csv', withoutBeta);
    expect(await run(file)).toMatchObject({ kind: 'done', written: true });
    expect(Object.keys(written())).not.toContain('test-person-beta.ttl');
    expect(Object.keys(written())).toContain('test-person-alpha.ttl');
    const again = await run(file);
    expect(again).toMatchObject({ kind: 'done', written: false });
    expect(doneChanges(again).every(([, status]) => status === 'unchanged')).toBe(true);
  });

  it('renamed so their IRI changes: the new file is written and the old one removed', async () => {
    await run(sheet('sample.csv', sampleCsv));
    const outcome = await run(sheet('sample.csv', sampleCsv.replaceAll('Test Person Beta,', 'Test Person Bet,')));
    expect(doneChanges(outcome)).toEqual([
      ['imported/test-person-alpha.ttl', 'unchanged'],
      ['imported/test-person-bet.ttl', 'new'],
      ['imported/sample.shared.ttl', 'unchanged'],
      ['imported/test-person-beta.ttl', 'removed'],
    ]);
    expect(Object.keys(written()).sort()).toEqual(['sample.shared.ttl', 'test-person-alpha.ttl', 'test-person-bet.ttl']);
  });

  it('is refused while another file still refers to them, and nothing is written or removed', async () => {
    await run(sheet('sample.csv', sampleCsv));
    writeFileSync(
      path.join(dataDir, 'cases/beta-trial.ttl'),
      [
        '# Written by hand: a trial of Beta.',
        '@prefix cg: <ontology#> .',
        '@prefix person: <id/person/> .',
        '@prefix event: <id/event/> .',
        '@prefix source: <id/source/> .',
        '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .',
        '@prefix prov: <http://www.w3.org/ns/prov#> .',
        '',
        'event:beta-hand-written-trial a cg:Trial ;',
        '    rdfs:label "Trial of Test Person Beta"@en ;',
        '    cg:concernsPerson person:test-person-beta ;',
        '    prov:wasDerivedFrom source:synthetic-held-profile .',
        '',
      ].join('\n'),
    );
    const before = written();
    const outcome = await run(sheet('sample.csv', withoutBeta));
    expect(outcome.kind).toBe('invalid');
    expect(outcome.kind === 'invalid' && outcome.results.map((r) => r.value)).toContain('http://example.test/id/person/test-person-beta');
    expect(written()).toEqual(before);
  });
});

describe('a shared file the sheet no longer needs', () => {
  it('is removed: what it held moves to the one person who still cites it', async () => {
    await run(sheet('sample.csv', sampleCsv));
    // Without Alpha's rows from page two, only Beta cites it.
    const outcome = await run(
      sheet(
        'sample.csv',
        sampleWithout((line) => line.startsWith('Test Person Alpha,') && line.includes('page-two')),
      ),
    );
    expect(doneChanges(outcome)).toEqual([
      ['imported/test-person-alpha.ttl', 'changed'],
      ['imported/test-person-beta.ttl', 'changed'],
      ['imported/sample.shared.ttl', 'removed'],
    ]);
    const files = written();
    expect(Object.keys(files).sort()).toEqual(['test-person-alpha.ttl', 'test-person-beta.ttl']);
    expect(files['test-person-beta.ttl']).toContain('source:synthetic-publisher-page-two a cg:Source');
  });
});

describe('files in the import folder that the sheet did not write', () => {
  const handWritten = '# Written by hand, not by the import.\n# Sheet: sample.csv\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n';

  it('are never removed: a file written by hand, even one naming the sheet, and another sheet’s files', async () => {
    const gamma = `${header}\nTest Person Gamma,arrest_date,2010-07,month,https://example.test/page-one,Page one,Synthetic Publisher,2020-05-01,para 1,\n`;
    expect(await run(sheet('other.csv', gamma))).toMatchObject({ kind: 'done', written: true });
    await run(sheet('sample.csv', sampleCsv));
    writeFileSync(path.join(outDir, 'notes.ttl'), handWritten);
    const others = { 'notes.ttl': handWritten, 'test-person-gamma.ttl': written()['test-person-gamma.ttl'] };
    expect(others['test-person-gamma.ttl']).toContain('# Sheet: other.csv');

    const outcome = await run(sheet('sample.csv', `${header}\n`));
    expect(doneChanges(outcome)).toEqual([
      ['imported/sample.shared.ttl', 'removed'],
      ['imported/test-person-alpha.ttl', 'removed'],
      ['imported/test-person-beta.ttl', 'removed'],
    ]);
    expect(written()).toEqual(others);
  });

  it('are never overwritten: a person whose file another sheet wrote is an IRI collision', async () => {
    const beta = `${header}\nTest Person Beta,arrest_date,2010-07,month,https://example.test/page-one,Page one,Synthetic Publisher,2020-05-01,para 1,\n`;
    await run(sheet('other.csv', beta));
    const before = written();
    const problems = problemsOf(await run(sheet('sample.csv', sampleCsv)));
    expect(problems).toEqual([
      expect.objectContaining({
        row: 14,
        column: 'person',
        message: expect.stringMatching(
          /^IRI collision: imported\/test-person-beta\.ttl, the file for Test Person Beta, was written from the sheet other\.csv;/,
        ),
      }),
    ]);
    expect(written()).toEqual(before);
  });

  it('are never overwritten: a person whose file was written by hand is an IRI collision', async () => {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, 'test-person-beta.ttl'), handWritten);
    const problems = problemsOf(await run(sheet('sample.csv', sampleCsv)));
    expect(problems).toEqual([
      expect.objectContaining({
        row: 14,
        column: 'person',
        message: expect.stringMatching(/test-person-beta\.ttl, the file for Test Person Beta, was not written by casegraph import/),
      }),
    ]);
    expect(written()).toEqual({ 'test-person-beta.ttl': handWritten });
  });
});

describe('files from before the header named their sheet', () => {
  it('are replaced where the sheet makes them and never removed, as the sheet that wrote them is not known', async () => {
    await run(sheet('sample.csv', sampleCsv));
    for (const name of ['test-person-alpha.ttl', 'test-person-beta.ttl']) {
      const file = path.join(outDir, name);
      writeFileSync(file, readFileSync(file, 'utf8').replace('# Sheet: sample.csv\n', ''));
    }
    const oldBeta = written()['test-person-beta.ttl'];
    const outcome = await run(
      sheet(
        'sample.csv',
        sampleWithout((line) => line.startsWith('Test Person Beta,')),
      ),
    );
    expect(doneChanges(outcome)).toEqual([
      ['imported/test-person-alpha.ttl', 'changed'],
      ['imported/sample.shared.ttl', 'removed'],
    ]);
    expect(written()['test-person-alpha.ttl']).toContain('# Sheet: sample.csv\n');
    expect(written()['test-person-beta.ttl']).toBe(oldBeta);
  });
});

describe('a failing sheet that also drops a person', () => {
  const withoutBeta = sampleWithout((line) => line.startsWith('Test Person Beta,'));
  const source = ',https://example.test/page-one,Page one,Synthetic Publisher,2020-05-01,para 2,';
  it.each([
    ['a bad row', `${withoutBeta}Test Person Alpha,trial_date,2019-02-30,day${source}\n`, 'rejected'],
    ['a result that breaks a shape', `${withoutBeta}Test Person Gamma,sentencing_date,2011,year${source}\n`, 'invalid'],
  ])('with %s writes nothing and removes nothing', async (_what, text, kind) => {
    await run(sheet('sample.csv', sampleCsv));
    const before = written();
    expect((await run(sheet('sample.csv', text))).kind).toBe(kind);
    expect(written()).toEqual(before);
  });
});

describe('bad rows', () => {
  const row = (person: string, field: string, value: string, rest = ',https://example.test/page-one,Page one,Synthetic Publisher,2020-05-01,para 1,') =>
    `Test Person ${person},${field},${value},${rest}`;
  const cases: Array<[string, string, string, RegExp]> = [
    ['an unknown field', row('Gamma', 'birth_place', 'Nowhere'), 'field', /unknown field "birth_place"; one of name, alternative_name/],
    ['a bad date', row('Gamma', 'arrest_date', '2019-02-30'), 'value', /"2019-02-30" is not a date/],
    [
      'a precision that does not fit',
      row('Gamma', 'arrest_date', '2019', 'day,https://example.test/page-one,Page one,Synthetic Publisher,2020-05-01,para 1,'),
      'precision',
      /precision "day" does not fit the date 2019/,
    ],
    [
      'an unknown charge',
      row('Gamma', 'charge', 'Made-up charge'),
      'value',
      /unknown charge "Made-up charge"; known: "Synthetic charge one", "Synthetic charge two"; or run with --allow-new/,
    ],
    ['an unknown prison', row('Gamma', 'prison', 'Synthetic Prison Z'), 'value', /unknown prison or place "Synthetic Prison Z"; known: "Synthetic Prison A"/],
    [
      'a source that is no URL',
      row('Gamma', 'gender', 'female', ',https://example.test/a page,P,Synthetic Publisher,,,'),
      'source_url',
      /is not an http\(s\) URL/,
    ],
    ['a missing source', 'Test Person Gamma,gender,female,,,,,,,', 'source_url', /missing source/],
    [
      'an unknown publisher',
      row('Gamma', 'gender', 'female', ',https://example.test/p9,P9,Other Publisher,,,'),
      'source_publisher',
      /unknown publisher "Other Publisher"/,
    ],
    [
      'an excerpt from a web source',
      row('Gamma', 'gender', 'female', ',https://example.test/page-one,Page one,Synthetic Publisher,2020-05-01,para 1,she'),
      'excerpt',
      /only from a source whose text the project holds/,
    ],
  ];

  it.each(cases)('names file, row and column of %s, and writes nothing', async (_what, line, column, message) => {
    const file = sheet('bad.csv', `${header}\n${row('Gamma', 'gender', 'female')}\n${line}\n`);
    const problems = problemsOf(await run(file));
    expect(problems).toEqual([expect.objectContaining({ file, row: 3, column, message: expect.stringMatching(message) })]);
    expect(existsSync(outDir)).toBe(false);
  });

  it('reports every problem of the sheet at once', async () => {
    const file = sheet('bad.csv', [header, ...cases.map(([, line]) => line)].join('\n'));
    const problems = problemsOf(await run(file));
    expect(problems.map((p) => [p.row, p.column])).toEqual(cases.map(([, , column], i) => [i + 2, column]));
  });

  it('adds an unknown charge as a new list member with --allow-new', async () => {
    const outcome = await run(sheet('new.csv', `${header}\n${row('Gamma', 'charge', 'Made-up charge')}\n`), { allowNew: true });
    expect(outcome).toMatchObject({ kind: 'done', written: true });
    const gamma = written()['test-person-gamma.ttl'] ?? '';
    expect(gamma).toMatch(/charge:made-up-charge a skos:Concept ;[^.]*skos:inScheme cg:Charges/);
    expect(gamma).toContain('cg:charge charge:made-up-charge');
  });

  it('refuses a person whose IRI another file already describes', async () => {
    const file = sheet('collision.csv', `${header}\n${row('Existing', 'gender', 'female')}\n`);
    const problems = problemsOf(await run(file));
    expect(problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'person',
        message: expect.stringMatching(/IRI collision: <id\/person\/test-person-existing>.* data\/cases\/test-person-existing\.ttl/),
      }),
    ]);
  });

  it('refuses two spellings that make the same person IRI', async () => {
    const file = sheet(
      'collision.csv',
      `${header}\n${row('Gamma', 'gender', 'female')}\n${row('gamma', 'stated_age', '30').replace('Test Person gamma', 'Test person gamma')}\n`,
    );
    const problems = problemsOf(await run(file));
    expect(problems[0]).toMatchObject({ row: 3, column: 'person', message: expect.stringMatching(/IRI collision/) });
  });
});

describe('a sheet whose result breaks a shape', () => {
  it('writes no file at all, not even the valid person', async () => {
    // A sentencing without its sentence type breaks SentencingShape; Alpha alone would be valid.
    const broken = `${sampleCsv}Test Person Gamma,sentencing_date,2011,year,https://example.test/page-one,Page one,Synthetic Publisher,2020-05-01,para 2,\n`;
    const outcome = await run(sheet('broken.csv', broken));
    expect(outcome.kind).toBe('invalid');
    expect(outcome.kind === 'invalid' && outcome.results.map((r) => r.message)).toContain('a sentencing must state the sentence type');
    expect(existsSync(outDir)).toBe(false);
  });
});

describe('a source cited by several persons of the sheet', () => {
  it('is written once, into the sheet’s shared file, and into no person’s file', () => {
    const files = expectedFiles();
    expect(files['sample.shared.ttl']).toContain('source:synthetic-publisher-page-two a cg:Source');
    expect(files['test-person-alpha.ttl']).not.toContain('source:synthetic-publisher-page-two a cg:Source');
    expect(files['test-person-beta.ttl']).not.toContain('source:synthetic-publisher-page-two a cg:Source');
    // Page one is Alpha's alone: it stays in Alpha's file.
    expect(files['test-person-alpha.ttl']).toContain('source:synthetic-publisher-page-one a cg:Source');
  });
});

/** Every column of the template, the optional label and alternative_to too (the sample sheet leaves them out). */
const fullHeader = templateColumns.join(',');

describe('sources that disagree on the sentence type', () => {
  it('import as two claims, valid against the shapes, with no sentence type on the sentencing', async () => {
    const source = (n: string) => `,,https://example.test/page-${n},Page ${n},Synthetic Publisher,2020-05-01,para 1,,,`;
    const file = sheet(
      'types.csv',
      [
        fullHeader,
        `Test Person Gamma,sentence_type,Imprisonment for a term of years${source('one')}`,
        `Test Person Gamma,sentence_type,Synthetic life term${source('two')}`,
      ].join('\n'),
    );
    expect(await run(file)).toMatchObject({ kind: 'done', written: true });
    const gamma = written()['test-person-gamma.ttl'] ?? '';
    expect(gamma).toContain('claim:test-person-gamma-sentence-type-fixed-term-imprisonment a cg:Claim');
    expect(gamma).toContain('claim:test-person-gamma-sentence-type-synthetic-life-term a cg:Claim');
    const sentencing = /event:test-person-gamma-sentencing a cg:Sentencing ;[^]*?\.\n/.exec(gamma)?.[0] ?? '';
    expect(sentencing).not.toContain('cg:sentenceType');
  });
});

describe('the alternative_to column', () => {
  const source = (n: string, alternative = '') => `,,https://example.test/page-${n},Page ${n},Synthetic Publisher,2020-05-01,para 1,,,${alternative}`;

  it('marks two charges as versions of one claim, both ways, and keeps both on the case', async () => {
    const file = sheet(
      'charges.csv',
      [
        fullHeader,
        `Test Person Gamma,charge,Synthetic charge one${source('one')}`,
        `Test Person Gamma,charge,Synthetic charge two${source('two', 'Synthetic charge one')}`,
      ].join('\n'),
    );
    expect(await run(file)).toMatchObject({ kind: 'done', written: true });
    const gamma = written()['test-person-gamma.ttl'] ?? '';
    expect(gamma).toMatch(
      /claim:test-person-gamma-charge-synthetic-charge-one a cg:Claim ;[^]*?cg:alternativeTo claim:test-person-gamma-charge-synthetic-charge-two/,
    );
    expect(gamma).toMatch(
      /claim:test-person-gamma-charge-synthetic-charge-two a cg:Claim ;[^]*?cg:alternativeTo claim:test-person-gamma-charge-synthetic-charge-one/,
    );
    expect(gamma).toContain('cg:charge charge:synthetic-charge-one, charge:synthetic-charge-two');
  });

  it('names the row whose alternative is no value of another row', async () => {
    const file = sheet('charges.csv', [fullHeader, `Test Person Gamma,charge,Synthetic charge one${source('one', 'Synthetic charge two')}`].join('\n'));
    expect(problemsOf(await run(file))).toEqual([
      expect.objectContaining({ row: 2, column: 'alternative_to', message: expect.stringMatching(/no other row gives charge "Synthetic charge two"/) }),
    ]);
  });
});

describe('notes and claim labels', () => {
  it('writes labels and comments on their nodes without a source or a claim, and a claim’s own label', async () => {
    const source = ',https://example.test/page-one,Page one,Synthetic Publisher,2020-05-01,para 1,';
    const file = sheet(
      'notes.csv',
      [
        fullHeader,
        `Test Person Gamma,trial_date,2010-07-23,day${source},Gamma was tried on 23 July 2010,`,
        'Test Person Gamma,trial_label,One-day trial of Gamma,,,,,,,,,',
        'Test Person Gamma,case_comment,"Page one says so, and no other page does.",,,,,,,,,',
      ].join('\n'),
    );
    expect(await run(file)).toMatchObject({ kind: 'done', written: true });
    const gamma = written()['test-person-gamma.ttl'] ?? '';
    expect(gamma).toMatch(/event:test-person-gamma-trial a cg:Trial ;\n {4}rdfs:label "One-day trial of Gamma"@en ;/);
    expect(gamma).toMatch(
      /case:test-person-gamma a cg:Case ;\n {4}rdfs:label "Case of Test Person Gamma"@en ;\n {4}rdfs:comment "Page one says so, and no other page does."@en ;/,
    );
    expect(gamma).toMatch(/claim:test-person-gamma-trial-2010-07-23 a cg:Claim ;\n {4}rdfs:label "Gamma was tried on 23 July 2010"@en ;/);
    expect(gamma).not.toMatch(/claim:[^ ]*(label|comment)/);
  });

  it('refuses a claim label on a note', async () => {
    const file = sheet('notes.csv', [fullHeader, 'Test Person Gamma,case_comment,A note,,,,,,,,A label,'].join('\n'));
    expect(problemsOf(await run(file))).toEqual([expect.objectContaining({ row: 2, column: 'label' })]);
  });
});
