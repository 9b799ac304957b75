// Builds the shared, dictionary-encoded quad index from any iterable of quads (one pass; sorting by counting sort).
import type { Quad } from '@rdfjs/types';
import { CasegraphError } from '../../errors/casegraph-error.js';
import type { QuadIndexBuffers } from './quad-index-buffers.js';
import { quadOrders } from './quad-orders.js';
import { termKey } from './term-key.js';

/**
 * Reads `quads` once. Exact duplicate quads are kept once (N3 Store semantics); the same triple in two graphs
 * is two quads. A quoted triple (RDF-star) is refused with an error naming it rather than indexed wrongly:
 * casegraph's data has none, and the dictionary has no encoding for nested terms.
 */
export function buildQuadIndex(quads: Iterable<Quad>): QuadIndexBuffers {
  const ids = new Map<string, number>();
  const keys: string[] = [];
  let rows = new Uint32Array(4 * 1024);
  let count = 0;
  const idOf = (key: string): number => {
    let id = ids.get(key);
    if (id === undefined) {
      id = keys.length;
      ids.set(key, id);
      keys.push(key);
    }
    return id;
  };
  for (const quad of quads) {
    if (termKey.isQuoted(quad)) {
      throw new CasegraphError(`the quad index does not hold quoted triples (RDF-star); found one with subject ${quad.subject.value}`);
    }
    if (4 * (count + 1) > rows.length) {
      const grown = new Uint32Array(rows.length * 2);
      grown.set(rows);
      rows = grown;
    }
    const base = 4 * count++;
    rows[base] = idOf(termKey.encode(quad.subject) as string);
    rows[base + 1] = idOf(termKey.encode(quad.predicate) as string);
    rows[base + 2] = idOf(termKey.encode(quad.object) as string);
    rows[base + 3] = idOf(termKey.encode(quad.graph) as string);
  }
  ids.clear();
  const termCount = keys.length;
  const dictionary = encodeDictionary(keys);

  const [first, ...rest] = quadOrders.orders;
  const sorted = sortRows(rows, count, first as readonly number[], termCount);
  const unique = dropDuplicates(sorted, count);
  const quadCount = unique.length / 4;
  const orders = [toShared(unique, first as readonly number[], quadCount)];
  for (const order of rest) orders.push(toShared(sortRows(unique, quadCount, order, termCount), order, quadCount));
  return { termCount, quadCount, ...dictionary, orders };
}

function encodeDictionary(keys: readonly string[]): Pick<QuadIndexBuffers, 'termBytes' | 'termOffsets' | 'termHash'> {
  const encoded = keys.map((key) => Buffer.from(key, 'utf8'));
  const total = encoded.reduce((sum, bytes) => sum + bytes.length, 0);
  if (total > 0xffffffff) throw new CasegraphError('the quad index dictionary would exceed 4 GiB of term text');
  const termBytes = new SharedArrayBuffer(total);
  const bytes = new Uint8Array(termBytes);
  const termOffsets = new SharedArrayBuffer(4 * (keys.length + 1));
  const offsets = new Uint32Array(termOffsets);
  let at = 0;
  encoded.forEach((key, id) => {
    offsets[id] = at;
    bytes.set(key, at);
    at += key.length;
  });
  offsets[keys.length] = at;
  // At most half full, so a probe for an absent term stops soon.
  let slots = 16;
  while (slots < keys.length * 2) slots *= 2;
  const termHash = new SharedArrayBuffer(4 * slots);
  const table = new Uint32Array(termHash);
  const mask = slots - 1;
  encoded.forEach((key, id) => {
    let slot = termKey.hash(key) & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = id + 1;
  });
  return { termBytes, termOffsets, termHash };
}

/** Rows (4 ids each) reordered by `order`'s columns: least-significant-column-first counting sorts, O(rows + terms) each. */
function sortRows(rows: Uint32Array, count: number, order: readonly number[], termCount: number): Uint32Array {
  let perm = new Uint32Array(count);
  for (let i = 0; i < count; i++) perm[i] = i;
  let next = new Uint32Array(count);
  const counts = new Uint32Array(termCount + 1);
  for (let k = order.length - 1; k >= 0; k--) {
    const column = order[k] as number;
    counts.fill(0);
    for (let i = 0; i < count; i++) (counts[(rows[4 * (perm[i] as number) + column] as number) + 1] as number)++;
    for (let t = 0; t < termCount; t++) counts[t + 1] = (counts[t + 1] as number) + (counts[t] as number);
    for (let i = 0; i < count; i++) {
      const row = perm[i] as number;
      const value = rows[4 * row + column] as number;
      next[counts[value] as number] = row;
      counts[value] = (counts[value] as number) + 1;
    }
    [perm, next] = [next, perm];
  }
  const out = new Uint32Array(4 * count);
  for (let i = 0; i < count; i++) out.set(rows.subarray(4 * (perm[i] as number), 4 * (perm[i] as number) + 4), 4 * i);
  return out;
}

function dropDuplicates(sorted: Uint32Array, count: number): Uint32Array {
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const at = 4 * i;
    if (kept > 0) {
      const last = 4 * (kept - 1);
      if (sorted[at] === sorted[last] && sorted[at + 1] === sorted[last + 1] && sorted[at + 2] === sorted[last + 2] && sorted[at + 3] === sorted[last + 3])
        continue;
    }
    sorted.copyWithin(4 * kept, at, at + 4);
    kept++;
  }
  return sorted.subarray(0, 4 * kept);
}

/** Stores rows with their columns permuted into `order`, so a range's prefix compares columns 0, 1, 2 in turn. */
function toShared(rows: Uint32Array, order: readonly number[], count: number): SharedArrayBuffer {
  const shared = new SharedArrayBuffer(4 * 4 * count);
  const out = new Uint32Array(shared);
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < 4; k++) out[4 * i + k] = rows[4 * i + (order[k] as number)] as number;
  }
  return shared;
}
