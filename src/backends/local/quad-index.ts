// A read-only view of the shared quad index from any thread: term lookup by hash, pattern ranges by binary search, terms decoded lazily.
import { DataFactory } from 'rdf-data-factory';
import type { Quad, Term } from '@rdfjs/types';
import type { QuadIndexBuffers } from './quad-index-buffers.js';
import { quadOrders } from './quad-orders.js';
import { termKey } from './term-key.js';

/** A pattern position: a term to match, or undefined / null / a Variable for any. */
export type PatternTerm = Term | null | undefined;

/** The rows of one sort order that match a pattern: [start, end) in that order's buffer. */
interface Range {
  readonly order: number;
  readonly start: number;
  readonly end: number;
}

/** Terms decoded per thread, at most this many kept: decoding the whole dictionary up front would copy it. */
const defaultCacheSize = 1 << 16;

/**
 * Attaching copies nothing: every view below is over the shared buffers. Each thread keeps only its own
 * small cache of decoded terms, so blank node labels (and every other term) are the same in every thread.
 */
export class QuadIndex {
  private readonly bytes: Buffer;
  private readonly offsets: Uint32Array;
  private readonly table: Uint32Array;
  private readonly rows: readonly Uint32Array[];
  private readonly terms = new Map<number, Term>();
  private readonly factory = new DataFactory();
  /** For each order, the column holding s, p, o, g. */
  private readonly columns = quadOrders.orders.map((order) => [0, 1, 2, 3].map((position) => order.indexOf(position)));

  private constructor(
    private readonly buffers: QuadIndexBuffers,
    private readonly cacheSize: number,
  ) {
    this.bytes = Buffer.from(buffers.termBytes);
    this.offsets = new Uint32Array(buffers.termOffsets);
    this.table = new Uint32Array(buffers.termHash);
    this.rows = buffers.orders.map((buffer) => new Uint32Array(buffer));
  }

  static attach(buffers: QuadIndexBuffers, options: { cacheSize?: number } = {}): QuadIndex {
    return new QuadIndex(buffers, options.cacheSize ?? defaultCacheSize);
  }

  /** Number of distinct quads. */
  get size(): number {
    return this.buffers.quadCount;
  }

  /** Exact number of quads matching the pattern, from the range's size: nothing is decoded. */
  countQuads(subject?: PatternTerm, predicate?: PatternTerm, object?: PatternTerm, graph?: PatternTerm): number {
    const range = this.range(subject, predicate, object, graph);
    return range ? range.end - range.start : 0;
  }

  match(subject?: PatternTerm, predicate?: PatternTerm, object?: PatternTerm, graph?: PatternTerm): Quad[] {
    return [...this.readQuads(subject, predicate, object, graph)];
  }

  *readQuads(subject?: PatternTerm, predicate?: PatternTerm, object?: PatternTerm, graph?: PatternTerm): Generator<Quad> {
    const range = this.range(subject, predicate, object, graph);
    if (!range) return;
    for (let i = range.start; i < range.end; i++) yield this.quadAt(range.order, i);
  }

  /** The matching rows, for a caller that reads them in slices (the Comunica source); undefined when nothing can match. */
  range(subject?: PatternTerm, predicate?: PatternTerm, object?: PatternTerm, graph?: PatternTerm): Range | undefined {
    const ids: Array<number | undefined> = [];
    let mask = 0;
    for (const [position, term] of [subject, predicate, object, graph].entries()) {
      if (!term || term.termType === 'Variable') {
        ids.push(undefined);
        continue;
      }
      const id = this.idOf(term);
      if (id === undefined) return undefined;
      ids.push(id);
      mask |= 1 << position;
    }
    const order = quadOrders.orderForBound[mask] as number;
    const prefix = (quadOrders.orders[order] as readonly number[]).map((position) => ids[position]).filter((id) => id !== undefined);
    const rows = this.rows[order] as Uint32Array;
    const count = this.buffers.quadCount;
    if (prefix.length === 0) return { order, start: 0, end: count };
    const start = bound(rows, count, prefix, false);
    const end = bound(rows, count, prefix, true);
    return start < end ? { order, start, end } : undefined;
  }

  /** Row `i` of sort order `order` as a quad. */
  quadAt(order: number, i: number): Quad {
    const rows = this.rows[order] as Uint32Array;
    const columns = this.columns[order] as number[];
    const at = 4 * i;
    return this.factory.quad(
      this.term(rows[at + (columns[0] as number)] as number) as Quad['subject'],
      this.term(rows[at + (columns[1] as number)] as number) as Quad['predicate'],
      this.term(rows[at + (columns[2] as number)] as number) as Quad['object'],
      this.term(rows[at + (columns[3] as number)] as number) as Quad['graph'],
    );
  }

  /** The dictionary id of a term, or undefined when the data does not hold it (or it is a quoted triple, which the index never holds). */
  idOf(term: Term): number | undefined {
    const key = termKey.encode(term);
    if (key === undefined) return undefined;
    const wanted = Buffer.from(key, 'utf8');
    const mask = this.table.length - 1;
    for (let slot = termKey.hash(wanted) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot] as number;
      if (entry === 0) return undefined;
      const id = entry - 1;
      const start = this.offsets[id] as number;
      const end = this.offsets[id + 1] as number;
      if (end - start === wanted.length && this.bytes.compare(wanted, 0, wanted.length, start, end) === 0) return id;
    }
  }

  term(id: number): Term {
    let term = this.terms.get(id);
    if (term) return term;
    term = termKey.decode(this.bytes.toString('utf8', this.offsets[id], this.offsets[id + 1]), this.factory);
    // Oldest first out: bounded without bookkeeping on every hit.
    if (this.terms.size >= this.cacheSize) this.terms.delete(this.terms.keys().next().value as number);
    this.terms.set(id, term);
    return term;
  }
}

/** First row whose prefix is >= `prefix` (or > it when `after`), by binary search. */
function bound(rows: Uint32Array, count: number, prefix: readonly number[], after: boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    let cmp = 0;
    for (let k = 0; k < prefix.length && cmp === 0; k++) cmp = (rows[4 * mid + k] as number) - (prefix[k] as number);
    if (cmp < 0 || (after && cmp === 0)) low = mid + 1;
    else high = mid;
  }
  return low;
}
