// An aggregate without GROUP BY answers one row even over no solution; this keeps Comunica from joining it away.
import { mapAlgebra } from './map-algebra.js';
import type { AlgebraOperation } from './query-analyzer.js';

type Operation = Record<string, unknown> & { type: string };

/**
 * Comunica 5.4's group operation passes on its input's metadata, so `SELECT (COUNT(*) AS ?c) { ?s <nothing> ?o }`
 * reports an exact cardinality of 0 while it answers the row `?c = 0`; a join with it then returns nothing at once
 * without evaluating (`?p a :Person { SELECT (COUNT(*) AS ?n) { ?x :none ?y } }` gives no row instead of one per
 * person). Every group without grouping variables (one group, SPARQL 1.1 §18.5) is put under a left join from the
 * single empty solution: the same rows, and a cardinality the join no longer takes as zero. A group with GROUP BY
 * over no solution has no group, so its zero is right and it is left alone.
 */
export function keepImplicitGroupRow(operation: AlgebraOperation): AlgebraOperation {
  return mapAlgebra(operation, (node) => {
    if (node.type !== 'group' || !Array.isArray(node.variables) || node.variables.length > 0) return node;
    const single: Operation = { type: 'values', variables: [], bindings: [{}] };
    return { type: 'leftjoin', input: [single, node] };
  });
}
