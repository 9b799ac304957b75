// Walks a parsed query or its algebra: every object node once, arrays looked through, source positions skipped.

/**
 * Yields each object node under `root` (depth first, last child first), descending into a node's values only
 * after the consumer resumes, so a node changed when yielded is walked as changed. `loc` (a source position)
 * is never descended into.
 */
export function* treeNodes(root: unknown): Generator<Record<string, unknown>, void, undefined> {
  const queue: unknown[] = [root];
  while (queue.length > 0) {
    const current = queue.pop();
    if (Array.isArray(current)) {
      queue.push(...(current as unknown[]));
      continue;
    }
    if (!current || typeof current !== 'object') continue;
    const node = current as Record<string, unknown>;
    yield node;
    for (const [key, value] of Object.entries(node)) if (key !== 'loc' && value && typeof value === 'object') queue.push(value);
  }
}
