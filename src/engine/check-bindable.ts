// Refuses values for variables a query assigns itself (BIND, VALUES): binding them would change what the query says.
import { BadRequestError } from '../errors/casegraph-error.js';
import type { AlgebraOperation } from './query-analyzer.js';
import { treeNodes } from './tree-nodes.js';

export function checkBindable(operation: AlgebraOperation, names: readonly string[]): void {
  const assigned = new Set<string>();
  for (const found of treeNodes(operation)) {
    const node = found as { type?: string; variable?: { value?: string }; variables?: Array<{ value?: string }> };
    if (node.type === 'extend' && node.variable?.value) assigned.add(node.variable.value);
    if (node.type === 'values') for (const v of node.variables ?? []) if (v.value) assigned.add(v.value);
  }
  const clash = names.filter((name) => assigned.has(name));
  if (clash.length > 0) {
    throw new BadRequestError(`cannot bind ${clash.map((n) => `?${n}`).join(', ')}: the query assigns it with BIND or VALUES`);
  }
}
