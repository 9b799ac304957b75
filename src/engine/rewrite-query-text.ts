// A parsed query written back as SPARQL text after binding variables or renaming IRIs, for a server that takes no initial bindings.
import type { Term } from '@rdfjs/types';
import { DataFactory } from 'rdf-data-factory';
import { AlgebraFactory } from '@comunica/utils-algebra';
import { BindingsFactory } from '@comunica/utils-bindings-factory';
import { materializeOperation } from '@comunica/utils-query-operation';
import { toAst } from '@traqula/algebra-sparql-1-2';
import { Generator } from '@traqula/generator-sparql-1-2';
import { checkBindable } from './check-bindable.js';
import type { AlgebraOperation } from './query-analyzer.js';

const dataFactory = new DataFactory();
const bindingsFactory = new BindingsFactory(dataFactory);
const algebraFactory = new AlgebraFactory(dataFactory);
const generator = new Generator();

export interface QueryRewrite {
  /** Values for variables: the same substitution Comunica makes for initial bindings. */
  readonly bindings?: Readonly<Record<string, Term>>;
  /** IRIs to write as other IRIs wherever they occur (a remote store's own names for our graphs). */
  readonly iris?: ReadonlyMap<string, string>;
}

/**
 * Binding substitutes each variable by its term throughout the algebra, as Comunica does, so the embedded and the
 * remote store answer the same question (a trailing VALUES clause would not: it joins after grouping, and Virtuoso
 * refuses one naming a variable the query does not project). The text is generated from the algebra, so every
 * IRI in it is absolute and no BASE is needed.
 */
export function rewriteQueryText(operation: AlgebraOperation, rewrite: QueryRewrite): string {
  let current = operation;
  if (rewrite.iris && rewrite.iris.size > 0) current = renameIris(current, rewrite.iris) as AlgebraOperation;
  if (rewrite.bindings && Object.keys(rewrite.bindings).length > 0) {
    checkBindable(current, Object.keys(rewrite.bindings));
    current = materializeOperation(current, bindingsFactory.fromRecord(rewrite.bindings), algebraFactory, bindingsFactory, {
      strictTargetVariables: true,
    }) as unknown as AlgebraOperation;
  }
  // Comunica's algebra types are a wider copy of traqula's; the tree holds only traqula's node types.
  return generator.generate(toAst(current));
}

/** Whether any of these IRIs occurs in the query (as a term anywhere in its algebra). */
export function mentionsIris(operation: AlgebraOperation, iris: ReadonlyMap<string, string>): boolean {
  let found = false;
  renameIris(operation, iris, () => (found = true));
  return found;
}

/** A copy of the tree with every NamedNode whose IRI is a key of `iris` replaced; other nodes shared. */
function renameIris(node: unknown, iris: ReadonlyMap<string, string>, seen?: () => void): unknown {
  if (Array.isArray(node)) {
    const mapped = node.map((item) => renameIris(item, iris, seen));
    return mapped.some((item, i) => item !== node[i]) ? mapped : node;
  }
  if (node === null || typeof node !== 'object') return node;
  const term = node as { termType?: string; value?: string };
  if (term.termType === 'NamedNode' && typeof term.value === 'string') {
    const renamed = iris.get(term.value);
    if (renamed === undefined) return node;
    seen?.();
    return dataFactory.namedNode(renamed);
  }
  if (term.termType !== undefined) return node;
  let changed = false;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const mapped = renameIris(value, iris, seen);
    if (mapped !== value) changed = true;
    copy[key] = mapped;
  }
  return changed ? Object.assign(Object.create(Object.getPrototypeOf(node) as object) as object, copy) : node;
}
