// `casegraph import`: a case worker's sheet checked, turned into one Turtle file per person, validated, and written all at once or not at all.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DataFactory, Parser, Store } from 'n3';
import { listDatasetFiles } from '../dataset/list-dataset-files.js';
import { loadGraph } from '../dataset/load-graph.js';
import type { LoadedGraph } from '../store/graph-store.js';
import { validateGraph, type ValidationResult } from '../validation/index.js';
import { casegraphNamespaces } from '../vocabulary/namespaces.js';
import { buildPersonFiles } from './build-person-files.js';
import { checkRows, type ImportProblem } from './check-rows.js';
import { importedBy, sheetLine, type ImportedBy } from './imported-by.js';
import { lineDiff } from './line-diff.js';
import { readReferenceLists } from './read-reference-lists.js';
import { readSheet } from './read-sheet.js';
import { slug } from './slug.js';
import { writeTurtle } from './write-turtle.js';

export interface ImportOptions {
  /** The sheet, .csv or .xlsx. */
  readonly sheet: string;
  /** Project root: the shapes and the ontology are read from it. */
  readonly root: string;
  readonly baseIri: string;
  /** The data the sheet is checked against (lists, sources, other persons), relative to root or absolute. */
  readonly dataDirs: readonly string[];
  /** Where the person files go, relative to root or absolute. */
  readonly outDir: string;
  readonly dryRun: boolean;
  readonly allowNew: boolean;
  /** Progress lines (for stderr). */
  readonly progress?: (line: string) => void;
}

export interface SheetProblem extends ImportProblem {
  readonly file: string;
}

export interface FileChange {
  /** Relative to root when inside it. */
  readonly file: string;
  /** `removed`: the sheet wrote the file before and no longer makes it (a person gone or renamed, no shared sources). */
  readonly status: 'new' | 'changed' | 'unchanged' | 'removed';
  /** A line diff against the file on disk ('' when unchanged; every line taken out when removed). */
  readonly diff: string;
}

export type ImportOutcome =
  | { readonly kind: 'rejected'; readonly problems: readonly SheetProblem[] }
  | { readonly kind: 'invalid'; readonly results: readonly ValidationResult[] }
  | { readonly kind: 'done'; readonly changes: readonly FileChange[]; readonly written: boolean };

/**
 * Imports one sheet; writes nothing unless every row is sound and every file conforms to the shapes (and not on a dry run).
 * The files it wrote before and no longer makes are removed with the writes; a file another sheet or a person wrote is never touched.
 */
export async function importSheet(options: ImportOptions): Promise<ImportOutcome> {
  const progress = options.progress ?? (() => undefined);
  const ns = casegraphNamespaces(options.baseIri);
  progress(`reading ${options.sheet}`);
  const sheet = await readSheet(options.sheet);
  const rejected = (problems: readonly ImportProblem[]): ImportOutcome => ({
    kind: 'rejected',
    problems: problems.map((p) => ({ file: options.sheet, ...p })),
  });

  progress(`loading ${options.dataDirs.join(', ')}`);
  const outDir = path.resolve(options.root, options.outDir);
  const targetOf = (personSlug: string) => path.join(outDir, `${personSlug}.ttl`);
  const nameOf = (target: string) => {
    const inside = path.relative(options.root, target);
    return inside.startsWith('..') || path.isAbsolute(inside) ? `${path.basename(outDir)}/${path.basename(target)}` : inside.split(path.sep).join('/');
  };
  // New sources, organisations, places and list members that several persons of the sheet use go to a file named for the sheet
  // (a dot never occurs in a slug, so it cannot be a person's file), so no person's file holds what others depend on.
  const sheetName = path.basename(options.sheet, path.extname(options.sheet));
  const sharedTarget = path.join(outDir, `${slug(sheetName) || 'sheet'}.shared.ttl`);
  const targets = new Set([
    ...sheet.rows
      .map((r) => slug(r.cells.person ?? ''))
      .filter((s) => s !== '')
      .map(targetOf),
    sharedTarget,
  ]);
  const sheetFile = sheetFileOf(options);
  // The header line that names the sheet must stay one line, or the next import could not tell its files.
  if (/[\r\n]/.test(sheetFile)) return rejected([{ message: 'the sheet’s path holds a line break; rename the sheet' }]);
  const writers = readWriters(outDir);
  const owned = [...writers].filter(([, by]) => by.kind === 'sheet' && by.sheet === sheetFile).map(([file]) => file);
  // This sheet's files are replaced or removed; a file from before the header named sheets is replaced where this sheet makes it, never removed.
  const replaced = new Set([...owned, ...[...writers].filter(([file, by]) => by.kind === 'legacy' && targets.has(file)).map(([file]) => file)]);
  const pathOf = new Map(listDatasetFiles(options.root, options.dataDirs).map((f) => [f.file, f.path]));
  const data = loadGraph({ root: options.root, dirs: options.dataDirs, baseIri: options.baseIri });
  // The files this import replaces or removes are not evidence for it: their old statements neither collide nor satisfy a lookup.
  const isReplaced = (g: LoadedGraph) => replaced.has(path.resolve(pathOf.get(g.file) ?? ''));
  const kept = data.graphs.filter((g) => g.derived !== true && !isReplaced(g));
  const lists = readReferenceLists(data.store, options.baseIri, new Map(kept.map((g) => [g.iri, g.file])));

  progress(`checking ${sheet.rows.length} rows`);
  const checked = checkRows(sheet, lists, { baseIri: options.baseIri, allowNew: options.allowNew });
  if (checked.problems.length > 0) return rejected(checked.problems);
  const built = buildPersonFiles(checked, options.baseIri);
  if (built.problems.length > 0) return rejected(built.problems);

  const collisions: ImportProblem[] = [];
  // A file this sheet would write that another sheet or a person wrote is never overwritten, whatever it describes.
  const writtenBy = (target: string): string | undefined => {
    const by = writers.get(target);
    if (by === undefined || replaced.has(target)) return undefined;
    return by.kind === 'sheet' ? `was written from the sheet ${by.sheet}` : 'was not written by casegraph import';
  };
  for (const file of built.files) {
    const firstRow = sheet.rows.find((r) => slug(r.cells.person ?? '') === file.slug)?.row;
    const where = firstRow !== undefined ? { row: firstRow, column: 'person' } : {};
    const other = writtenBy(targetOf(file.slug));
    if (other !== undefined) {
      collisions.push({
        ...where,
        message: `IRI collision: ${nameOf(targetOf(file.slug))}, the file for ${file.name}, ${other}; keep each person in one sheet (if this sheet takes the person over, delete that file and import again), otherwise tell the two apart in the person column`,
      });
      continue;
    }
    const taken = file.subjects.filter((subject) => lists.subjects.has(subject));
    const [first] = taken;
    if (first === undefined) continue;
    const more = taken.length > 1 ? ` (and ${String(taken.length - 1)} more of its IRIs)` : '';
    collisions.push({
      ...where,
      message: `IRI collision: <${first.slice(options.baseIri.length)}>${more}, made for ${file.name}, is already described in ${lists.subjects.get(first) ?? 'the data'}; if this is the same person, add the facts there, otherwise tell the two apart in the person column`,
    });
  }
  const sharedOther = built.shared.length > 0 ? writtenBy(sharedTarget) : undefined;
  if (sharedOther !== undefined) {
    collisions.push({
      message: `IRI collision: ${nameOf(sharedTarget)}, the file for what several persons of this sheet share, ${sharedOther}; give this sheet another file name`,
    });
  }
  if (collisions.length > 0) return rejected(collisions);

  const header = (name: string) => [
    `${name}, written by casegraph import from a case worker's sheet: change the sheet and import it again rather than editing this file.`,
    sheetLine(sheetFile),
    'Every statement is also a cg:Claim naming its sources and locators; where sources differ, the node keeps only what they agree on.',
  ];
  const outputs = built.files.map((file) => {
    const target = targetOf(file.slug);
    return { target, name: nameOf(target), text: writeTurtle(file.descriptions, { baseIri: options.baseIri, header: header(file.name) }) };
  });
  if (built.shared.length > 0) {
    const sharedHeader = [
      `What several persons of the sheet ${sheetName} cite or name and the data did not have yet, written by casegraph import: change the sheet and import it again rather than editing this file.`,
      sheetLine(sheetFile),
    ];
    outputs.push({ target: sharedTarget, name: nameOf(sharedTarget), text: writeTurtle(built.shared, { baseIri: options.baseIri, header: sharedHeader }) });
  }

  progress(`validating ${outputs.length} file(s) against the shapes`);
  const store = new Store();
  const keptIris = new Set(kept.map((g) => g.iri));
  for (const quad of data.store.getQuads(null, null, null, null)) if (keptIris.has(quad.graph.value)) store.addQuad(quad);
  const graphs: LoadedGraph[] = [...kept];
  for (const output of outputs) {
    const graph = ns.graph(output.name.replace(/\.ttl$/, ''));
    // What is validated is what will be written: the text, parsed back.
    const quads = new Parser({ baseIRI: options.baseIri }).parse(output.text);
    for (const q of quads) store.addQuad(q.subject, q.predicate, q.object, DataFactory.namedNode(graph));
    graphs.push({ iri: graph, file: output.name, size: quads.length });
  }
  const report = await validateGraph({ root: options.root, baseIri: options.baseIri, store, graphs });
  const names = new Set(outputs.map((o) => o.name));
  // A file that goes must take nothing another file needs: a result pointing at a node only the removed files described counts too.
  const removed = owned.filter((file) => !outputs.some((o) => o.target === file));
  const removedGraphs = new Set(data.graphs.filter((g) => removed.includes(path.resolve(pathOf.get(g.file) ?? ''))).map((g) => g.iri));
  const gone = new Set(
    [...removedGraphs]
      .flatMap((graph) => data.store.getQuads(null, null, null, DataFactory.namedNode(graph)))
      .filter((q) => store.getQuads(q.subject, null, null, null).length === 0)
      .map((q) => q.subject.value),
  );
  const relevant = report.results.filter((r) => r.files.some((f) => names.has(f)) || (r.value !== undefined && gone.has(r.value)));
  if (relevant.length > 0) return { kind: 'invalid', results: relevant };

  const changes = outputs.map((output): FileChange & { readonly target: string; readonly text: string } => {
    const before = existsSync(output.target) ? readFileSync(output.target, 'utf8') : undefined;
    const status = before === undefined ? 'new' : before === output.text ? 'unchanged' : 'changed';
    return { file: output.name, status, diff: status === 'unchanged' ? '' : lineDiff(before ?? '', output.text), target: output.target, text: output.text };
  });
  const removals = removed.map((file): FileChange => ({ file: nameOf(file), status: 'removed', diff: lineDiff(readFileSync(file, 'utf8'), '') }));
  const changed = changes.filter((c) => c.status !== 'unchanged');
  const written = !options.dryRun && (changed.length > 0 || removed.length > 0);
  if (written) await writeAll(outDir, changed, removed);
  return {
    kind: 'done',
    changes: [...changes.map(({ file, status, diff }) => ({ file, status, diff })), ...removals],
    written,
  };
}

/**
 * Every file goes to a temporary name beside its target first; only when all are written are they renamed into place,
 * and only then are the files the sheet no longer makes removed: a crash midway leaves an old file too many, never one missing.
 */
async function writeAll(outDir: string, files: ReadonlyArray<{ readonly target: string; readonly text: string }>, removed: readonly string[]): Promise<void> {
  await mkdir(outDir, { recursive: true });
  // Not .ttl, so a crash between the two steps leaves nothing the loader would read.
  const temporary = (target: string) => `${target}.import-${String(process.pid)}.tmp`;
  try {
    for (const file of files) await writeFile(temporary(file.target), file.text, { flag: 'wx' });
  } catch (error) {
    await Promise.all(files.map((file) => rm(temporary(file.target), { force: true })));
    throw error;
  }
  for (const file of files) await rename(temporary(file.target), file.target);
  for (const file of removed) await rm(file, { force: true });
}

/** The sheet as its files' header names it: relative to the project root; in a data folder outside it, as the loader names that folder's files; elsewhere by its file name. */
function sheetFileOf(options: ImportOptions): string {
  const absolute = path.resolve(options.sheet);
  const within = (dir: string): string | undefined => {
    const inside = path.relative(dir, absolute);
    return inside === '' || inside.startsWith('..') || path.isAbsolute(inside) ? undefined : inside.split(path.sep).join('/');
  };
  const inRoot = within(options.root);
  if (inRoot !== undefined) return inRoot;
  for (const dir of options.dataDirs) {
    const folder = path.resolve(options.root, dir);
    const inFolder = within(folder);
    if (inFolder !== undefined) return `${path.basename(folder)}/${inFolder}`;
  }
  return path.basename(absolute);
}

/** Who wrote each Turtle file of the import folder, by its header; a missing folder holds none. */
function readWriters(outDir: string): Map<string, ImportedBy> {
  if (!existsSync(outDir)) return new Map();
  const files = readdirSync(outDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ttl'))
    .map((entry) => path.join(outDir, entry.name))
    .sort();
  return new Map(files.map((file) => [file, importedBy(readFileSync(file, 'utf8'))]));
}
