// Rebuilds a query's algebra bottom-up, each node copied and handed to a visitor that may replace it: the walk every algebra rewrite shares.
import type { AlgebraOperation } from './query-analyzer.js';

/** A node of the algebra (an operation, an expression, or an object inside one), its children already rewritten. */
export type AlgebraNode = Record<string, unknown>;

/**
 * Copies every object node of `operation` (arrays looked through, source positions `loc` left as they are), children
 * first, and puts `visit(copy)` in its place. Terms and patterns are class instances (`equals()` and all): kept as
 * they are, never copied or visited. The operation given is never changed.
 */
export function mapAlgebra(operation: AlgebraOperation, visit: (node: AlgebraNode) => unknown): AlgebraOperation {
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== 'object' || 'termType' in node) return node;
    const copy: AlgebraNode = { ...(node as AlgebraNode) };
    for (const [key, value] of Object.entries(copy)) if (key !== 'loc' && value && typeof value === 'object') copy[key] = rewrite(value);
    return visit(copy);
  };
  return rewrite(operation) as AlgebraOperation;
}
