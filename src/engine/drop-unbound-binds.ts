// `BIND(?x AS ?y)` where nothing can bind ?x leaves ?y unbound, which Comunica's joins do not honour: such a BIND is dropped before evaluation.
import { treeNodes } from './tree-nodes.js';
import type { AlgebraOperation } from './query-analyzer.js';

type Operation = Record<string, unknown> & { type: string };

/**
 * SPARQL 1.1 §18.6 Extend: an expression that errors (an unbound variable does) leaves the variable unbound, so
 * `extend(P, ?y, ?x)` with ?x nowhere in P equals P. Comunica 5.4 instead lets `{ BIND(?x AS ?y) } ?y ?p ?o`
 * join to nothing under a union default graph (see README, SPARQL conformance). `bound` names the variables the
 * caller gives values for (initial bindings), which must keep their BIND.
 */
export function dropUnboundBinds(operation: AlgebraOperation, bound: readonly string[] = []): AlgebraOperation {
  return rewrite(operation, new Set(bound)) as AlgebraOperation;
}

function rewrite(node: unknown, bound: ReadonlySet<string>): unknown {
  if (Array.isArray(node)) return node.map((child) => rewrite(child, bound));
  if (!node || typeof node !== 'object' || !('type' in node)) return node;
  const op = node as Operation;
  const copy: Operation = { ...op };
  for (const [key, value] of Object.entries(op)) {
    if (key !== 'type' && value && typeof value === 'object') copy[key] = rewrite(value, bound);
  }
  if (op.type === 'extend') {
    const expression = op.expression as { subType?: string; term?: { termType?: string; value?: string } } | undefined;
    const name = expression?.subType === 'term' && expression.term?.termType === 'Variable' ? expression.term.value : undefined;
    if (name !== undefined && !bound.has(name) && !mentions(copy.input, name)) return copy.input;
  }
  return copy;
}

/** Whether the variable occurs anywhere in the subtree: conservative, so a BIND is only dropped when it surely errs. */
function mentions(node: unknown, name: string): boolean {
  for (const found of treeNodes(node)) if (found.termType === 'Variable' && found.value === name) return true;
  return false;
}
