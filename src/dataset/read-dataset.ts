// The dataset in two steps: read and hash every file (the version, known before any parsing), then parse one file at a time into quads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataFactory, Parser } from 'n3';
import type { DataFactory as RdfDataFactory, Quad } from '@rdfjs/types';
import { ontologyDir } from '../config/load-config.js';
import { DataError } from '../errors/casegraph-error.js';
import { casegraphNamespaces } from '../vocabulary/namespaces.js';
import { datasetVersionHash, finishDatasetVersion } from './dataset-version.js';
import { listDatasetFiles } from './list-dataset-files.js';
import { confidentialMarker, excludeConfidential, findConfidential, type ConfidentialMarks } from './exclude-confidential.js';
import { derivedGraphIris, GraphDeriver } from './graph-deriver.js';
import type { LoadedGraph } from '../store/graph-store.js';

export interface ReadDatasetOptions {
  readonly root: string;
  /** Folders, relative to root or absolute; every `.ttl` and `.trig` file below them is read. */
  readonly dirs: readonly string[];
  /** Single files relative to root, read in addition to the folders. */
  readonly files?: readonly string[];
  readonly baseIri: string;
  /** Called after each file is read and after each file (and every 100,000 quads) is parsed; see load-progress.ts. */
  readonly onProgress?: (progress: LoadProgress) => void;
}

export interface LoadProgress {
  readonly phase: 'read' | 'parse';
  /** Files read (phase 'read') or parsed completely (phase 'parse') so far. */
  readonly files: number;
  readonly totalFiles: number;
  /** Quads parsed so far; 0 while reading. */
  readonly quads: number;
}

/** A file's text, held from reading until its parse; the parse drops it so its memory can go. */
interface PendingFile {
  readonly file: string;
  readonly graph: string;
  /** True for a file of the project's own ontology folder: only these supply the axioms entailment follows. */
  readonly ontology: boolean;
  text: string | undefined;
}

/** Every file read and hashed, nothing parsed yet: enough to look for a snapshot of `version`. */
export interface ReadDataset {
  readonly version: string;
  readonly baseIri: string;
  readonly files: readonly string[];
  /**
   * Yields every quad, each built once, already in its file's named graph, then the derived graphs' quads
   * (graph-deriver.ts); returns the graphs with their sizes, the derived ones last.
   * A syntax error throws a DataError naming file, line and column, so a consumer that only keeps what it built
   * after the generator finished never holds a half-loaded dataset. Can be iterated once.
   */
  quads(): Generator<Quad, LoadedGraph[], undefined>;
}

export const formats: Readonly<Record<string, string>> = { '.ttl': 'text/turtle', '.trig': 'application/trig' };

/** Named in the version hash; change it whenever the loader serves something else from the same files. */
export const loaderVersion = 'loader 1: confidential marks excluded';

/** The files' texts stay in memory until parsed (read twice would let a file change between hash and parse). */
export function readDataset(options: ReadDatasetOptions): ReadDataset {
  const ns = casegraphNamespaces(options.baseIri);
  const named = new Map(listDatasetFiles(options.root, options.dirs, Object.keys(formats)).map((f) => [f.file, f.path]));
  for (const file of options.files ?? []) named.set(file, path.join(options.root, file));
  const listed = [...named.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const files = listed.map(([file]) => file);
  const hash = datasetVersionHash(options.baseIri);
  // What is served depends on the loader as well as the files: a new rule must not meet an old snapshot.
  hash.add(loaderVersion, '');
  const pending: PendingFile[] = [];
  const ours = path.resolve(options.root, ontologyDir) + path.sep;
  const derived = Object.values(derivedGraphIris(options.baseIri));
  // What is derived depends on the deriver as well as the files: a new derivation must not meet an old snapshot.
  hash.add(derivationVersion, '');
  for (const [file, fullPath] of listed) {
    const text = readDatasetFile(fullPath, file);
    hash.add(file, text);
    const graph = ns.graph(file.replace(/\.(ttl|trig)$/, ''));
    if (derived.includes(graph)) throw new DataError(`this file would load into a derived graph (${graph}); rename it`, { file });
    pending.push({ file, graph, ontology: path.resolve(fullPath).startsWith(ours), text });
    options.onProgress?.({ phase: 'read', files: pending.length, totalFiles: files.length, quads: 0 });
  }
  const version = finishDatasetVersion(hash);
  let started = false;
  return {
    version,
    baseIri: options.baseIri,
    files,
    quads() {
      if (started) throw new Error('readDataset: quads() can be iterated only once');
      started = true;
      return parseAll(pending, options);
    },
  };
}

/** Named in the version hash; bump it whenever graph-deriver.ts derives something else from the same files. */
export const derivationVersion = 'derived graphs 1: date intervals, rdfs closure';

function* parseAll(pending: PendingFile[], options: ReadDatasetOptions): Generator<Quad, LoadedGraph[], undefined> {
  const graphs: LoadedGraph[] = [];
  const marks = confidentialMarks(pending, options.baseIri);
  // The ontology files are small: parsed once more up front so the closure is known before any data streams by.
  const axioms = pending.filter((entry) => entry.ontology).flatMap((entry) => parseFile(entry.file, entry.text ?? '', options.baseIri));
  const deriver = new GraphDeriver(options.baseIri, axioms);
  let total = 0;
  for (const [index, entry] of pending.entries()) {
    const text = entry.text ?? '';
    entry.text = undefined;
    // A graph marked confidential is left out whole, its name included.
    if (marks.iris.has(entry.graph)) continue;
    const quads = excludeConfidential(parseFile(entry.file, text, options.baseIri, DataFactory.namedNode(entry.graph), index), marks);
    for (const quad of quads) {
      deriver.observe(quad);
      yield quad;
      if (++total % 100_000 === 0) options.onProgress?.({ phase: 'parse', files: index, totalFiles: pending.length, quads: total });
    }
    graphs.push({ iri: entry.graph, file: entry.file, size: quads.length });
    options.onProgress?.({ phase: 'parse', files: index + 1, totalFiles: pending.length, quads: total });
  }
  for (const graph of deriver.finish()) {
    if (graph.quads.length === 0) continue;
    yield* graph.quads;
    graphs.push({ iri: graph.iri, file: graph.label, size: graph.quads.length, derived: true });
  }
  return graphs;
}

/**
 * What the dataset marks `cg:confidential true`, known before any quad is yielded, since a mark in one file hides
 * the resource in every file. Only files that spell the marker are parsed for it (and parsed again when read).
 */
function confidentialMarks(pending: readonly PendingFile[], baseIri: string): ConfidentialMarks {
  const iris = new Set<string>();
  let marks = findConfidential([], baseIri, iris);
  for (const [index, entry] of pending.entries()) {
    if (entry.text?.includes(confidentialMarker))
      marks = findConfidential(parseFile(entry.file, entry.text, baseIri, DataFactory.namedNode(entry.graph), index), baseIri, iris);
  }
  return marks;
}

function readDatasetFile(fullPath: string, file: string): string {
  try {
    return readFileSync(fullPath, 'utf8');
  } catch (error) {
    throw new DataError(`cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file });
  }
}

/**
 * Parses one document; quads of its default graph are put into `graph` (TriG's own named graphs stay).
 * A syntax error becomes a DataError naming file, line and column.
 *
 * Given the file's place in the dataset (`fileIndex`), blank nodes are labelled `b{index}_{label}` and anonymous ones
 * `a{index}_{n}`, counted in this parse: N3's own defaults count across the process, so a second parse would label
 * them differently, and the same data would give other answers (and another index than its snapshot) after a reload.
 */
export function parseFile(file: string, content: string, baseIri: string, graph?: Quad['graph'], fileIndex?: number): Quad[] {
  const format = formats[path.extname(file)];
  if (!format) throw new DataError(`unsupported file type (want .ttl or .trig)`, { file });
  try {
    const labels = fileIndex === undefined ? {} : { blankNodePrefix: `b${fileIndex}_` };
    const factory = graph ? { factory: factoryInto(graph, fileIndex === undefined ? undefined : `a${fileIndex}_`) } : {};
    return new Parser({ baseIRI: baseIri, format, ...labels, ...factory }).parse(content);
  } catch (error) {
    const { line, column } = errorPosition(error);
    const message = (error as Error).message.replace(/ on line \d+\.?$/, '');
    throw new DataError(message, { file, line, column }, { cause: error });
  }
}

type Term = Quad['subject'] | Quad['object'];

/**
 * A DataFactory whose quads of the default graph land in `graph`, so the parser builds each quad once, in its final
 * graph, instead of a parsed quad and a copy (measured in bench/README.md). The parser builds RDF 1.2 triple terms
 * with the same quad() and the default graph; those must keep it, so a triple term is put back when it is used
 * as a term (rare, and only then copied).
 */
function factoryInto(graph: Quad['graph'], anonymousPrefix: string | undefined): RdfDataFactory {
  let anonymous = 0;
  // A triple term's own parts were put back when it was built, so one level suffices.
  const fix = <T extends Term>(term: T): T =>
    term.termType === 'Quad' && term.graph === graph ? (DataFactory.quad(term.subject, term.predicate, term.object) as unknown as T) : term;
  return {
    ...DataFactory,
    blankNode: (name?: string) => DataFactory.blankNode(name ?? (anonymousPrefix === undefined ? undefined : `${anonymousPrefix}${anonymous++}`)),
    quad: (subject: Quad['subject'], predicate: Quad['predicate'], object: Quad['object'], g?: Quad['graph']) =>
      DataFactory.quad(
        subject.termType === 'Quad' ? fix(subject) : subject,
        predicate,
        object.termType === 'Quad' ? fix(object) : object,
        !g || g.termType === 'DefaultGraph' ? graph : g,
      ),
  };
}

interface N3Token {
  line?: number;
  start?: number;
  end?: number;
}

/** N3 reports the line and, through its tokens, the 0-based column where they start. */
function errorPosition(error: unknown): { line?: number; column?: number } {
  const context = (error as { context?: { line?: number; token?: N3Token; previousToken?: N3Token } }).context;
  const line = context?.line ?? Number(/line (\d+)/.exec((error as Error).message)?.[1]);
  const token = context?.token;
  const previous = context?.previousToken;
  let column: number | undefined;
  if (token?.start !== undefined && token.line === line) column = token.start + 1;
  else if (previous?.end !== undefined && previous.line === line) column = previous.end + 2;
  return { line: Number.isFinite(line) ? line : undefined, column };
}
