// SHACL validation of data files against ontology/shapes/, with results that name focus node, path, message and file.
import path from 'node:path';
import { statSync } from 'node:fs';
import { DataFactory, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import type { Term } from '@rdfjs/types';
import { DataError } from '../errors/casegraph-error.js';
import { loadGraph } from '../dataset/load-graph.js';
import { rdfs, sh } from '../vocabulary/namespaces.js';
import { curationReport, type CurationFinding } from './curation-report.js';
import type { LoadedGraph } from '../store/graph-store.js';
import { localName } from '../vocabulary/local-name.js';

export interface ValidateOptions {
  readonly root: string;
  readonly baseIri: string;
  /** Files or folders (relative to root) to validate; default `data`. */
  readonly paths?: readonly string[];
  /** Folder of shapes files, relative to root. */
  readonly shapesDir?: string;
  /** Ontology file whose subclass axioms the data graph needs for sh:class and sh:targetClass. */
  readonly ontologyFile?: string;
}

export interface ValidationResult {
  readonly focusNode: string;
  readonly path: string | undefined;
  readonly message: string;
  readonly severity: string;
  /** The shape that fired (IRI, or a blank node label for nested property shapes). */
  readonly shape: string;
  /** The node shape the result belongs to, when the fired shape is a nested property shape. */
  readonly nodeShape: string | undefined;
  readonly component: string;
  readonly value: string | undefined;
  /** Data files that describe the focus node. */
  readonly files: readonly string[];
}

export interface ValidationReport {
  readonly conforms: boolean;
  readonly results: readonly ValidationResult[];
  readonly files: readonly string[];
  /** Quads in the files validated (derived triples are validated too, but not counted). */
  readonly size: number;
}

export interface DatasetReport extends ValidationReport {
  /** What a curator should look at next (single sources, undated arrests, sources without URL, excerpts not in held text); never a failure. */
  readonly curation: readonly CurationFinding[];
}

/**
 * Validates the given data files (with the ontology's class hierarchy) against every shape in shapesDir, then runs
 * the curation checks over them (only here: an import validating files before writing them needs the shapes alone).
 */
export async function validateDataset(options: ValidateOptions): Promise<DatasetReport> {
  const data = loadPaths(options.root, options.paths ?? ['data'], options.baseIri);
  const report = await validateGraph({ ...options, store: data.store, graphs: data.graphs });
  const fileOf = new Map(data.graphs.filter((g) => g.derived !== true).map((g) => [g.iri, g.file]));
  return { ...report, curation: curationReport(data.store, fileOf, options.root, options.baseIri) };
}

export interface ValidateGraphOptions extends Omit<ValidateOptions, 'paths'> {
  /** The data, one named graph per file (as loadGraph gives it), possibly with graphs not yet written to disk. */
  readonly store: Store;
  readonly graphs: readonly LoadedGraph[];
}

/** Validates data already in memory, so a writer (the import) can check files before any of them is written. */
export async function validateGraph(options: ValidateGraphOptions): Promise<ValidationReport> {
  const shapesDir = options.shapesDir ?? 'ontology/shapes';
  const ontologyFile = options.ontologyFile ?? 'ontology/casegraph.ttl';
  const shapes = loadGraph({ root: options.root, dirs: [shapesDir], baseIri: options.baseIri }).store;
  const data = { store: options.store, graphs: options.graphs };

  // Only the subclass axioms join the data graph: the ontology's own terms are not data and carry no sources.
  const ontology = loadGraph({ root: options.root, dirs: [path.dirname(ontologyFile)], baseIri: options.baseIri });
  const dataGraph = new Store(data.store.getQuads(null, null, null, null));
  for (const quad of ontology.store.getQuads(null, DataFactory.namedNode(rdfs('subClassOf')), null, null)) {
    dataGraph.addQuad(DataFactory.quad(quad.subject, quad.predicate, quad.object));
  }

  const validator = new SHACLValidator(shapes);
  const report = await validator.validate(dataGraph);
  // Derived graphs (date intervals) are validated with the data but are no file a writer could fix.
  const files = data.graphs.filter((g) => g.derived !== true);
  const fileOf = new Map(files.map((g) => [g.iri, g.file]));
  const results = report.results.map((result): ValidationResult => {
    const focus = result.focusNode as Term | null;
    const shape = result.sourceShape as Term | null;
    const described = focus ? data.store.getQuads(focus, null, null, null).filter((q) => fileOf.has(q.graph.value)) : [];
    const files = [...new Set(described.map((q) => fileOf.get(q.graph.value) ?? q.graph.value))];
    return {
      focusNode: focus?.value ?? '',
      path: (result.path as Term | null)?.value,
      message: result.message.map((m) => m.value).join('; ') || 'constraint violated',
      severity: localName((result.severity as Term | null)?.value ?? 'Violation'),
      shape: shape ? (shape.termType === 'BlankNode' ? `_:${shape.value}` : shape.value) : '',
      nodeShape: shape ? owningNodeShape(shapes, shape) : undefined,
      component: localName((result.sourceConstraintComponent as Term | null)?.value ?? ''),
      value: (result.value as Term | null)?.value,
      files,
    };
  });
  // The size is the files' own: the derived triples were checked too, but no one wrote them.
  const size = files.reduce((sum, g) => sum + g.size, 0);
  return { conforms: report.conforms, results, files: files.map((g) => g.file), size };
}

/** Loads files and folders given by the user, relative to root; each must exist. */
function loadPaths(root: string, paths: readonly string[], baseIri: string) {
  const dirs: string[] = [];
  const files: string[] = [];
  for (const p of paths) {
    const relative = path.relative(root, path.resolve(root, p)).split(path.sep).join('/');
    let isDir: boolean;
    try {
      isDir = statSync(path.join(root, relative)).isDirectory();
    } catch {
      throw new DataError(`no such file or folder: ${p}`);
    }
    (isDir ? dirs : files).push(relative);
  }
  return loadGraph({ root, dirs, files, baseIri });
}

function owningNodeShape(shapes: Store, shape: Term): string | undefined {
  const [owner] = shapes.getQuads(null, DataFactory.namedNode(sh('property')), shape, null);
  return owner?.subject.value;
}
