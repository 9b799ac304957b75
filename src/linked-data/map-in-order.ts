// Array map, filter and some with an asynchronous step, run one item at a time in array order.

/*
 * One at a time, not Promise.all: pages number their sources in the order they cite them (SourceNotes), and a
 * remote store answers concurrent lookups in any order, so concurrency would make two replicas write different bytes.
 */

export async function mapInOrder<T, U>(items: readonly T[], step: (item: T, index: number) => Promise<U>): Promise<U[]> {
  const out: U[] = [];
  for (const [index, item] of items.entries()) out.push(await step(item, index));
  return out;
}

/** The items the test accepts, in their order. */
export async function filterInOrder<T, S extends T = T>(items: readonly T[], test: (item: T) => Promise<boolean>): Promise<S[]> {
  const out: S[] = [];
  for (const item of items) if (await test(item)) out.push(item as S);
  return out;
}

/** Whether the test accepts any item (stopping at the first that it does). */
export async function someInOrder<T>(items: readonly T[], test: (item: T) => Promise<boolean>): Promise<boolean> {
  for (const item of items) if (await test(item)) return true;
  return false;
}
