// The RDF/JS Source Comunica queries in a worker: matches read from the shared QuadIndex in batches, counts from its ranges.
import { createRequire } from 'node:module';
import type { Quad, Source, Term } from '@rdfjs/types';
import type { QuadIndex } from './quad-index.js';

/**
 * Comunica checks `instanceof AsyncIterator` against its own CommonJS copy of asynciterator and wraps any other
 * stream (an ESM import resolves to a different class), which costs a second buffer per pattern. Resolving the
 * package from Comunica's RDF/JS source actor yields exactly the class it checks against.
 */
const fromComunica = createRequire(createRequire(import.meta.url).resolve('@comunica/actor-query-source-identify-rdfjs'));
const asyncIterator = fromComunica('asynciterator') as typeof import('asynciterator');

/** Handing Comunica everything at once made COUNT(*) 5x slower in a probe: the range is read in slices of this size. */
const batchSize = 512;

class RangeIterator extends asyncIterator.BufferedIterator<Quad> {
  private next: number;

  constructor(
    private readonly index: QuadIndex,
    private readonly order: number,
    start: number,
    private readonly end: number,
  ) {
    super({ maxBufferSize: batchSize, autoStart: false });
    this.next = start;
  }

  protected override _read(count: number, done: () => void): void {
    const stop = Math.min(this.end, this.next + Math.min(count, batchSize));
    for (; this.next < stop; this.next++) this._push(this.index.quadAt(this.order, this.next));
    if (this.next >= this.end) this.close();
    done();
  }
}

/**
 * `countQuads` is exact and cheap, so Comunica (QuerySourceRdfJs.setMetadata) orders joins by true cardinalities.
 * Variables and undefined both mean any term; the default graph, the union default graph and GRAPH ?g are
 * Comunica's mapping onto the graph column.
 */
export class QuadIndexSource implements Source {
  constructor(private readonly index: QuadIndex) {}

  match(subject?: Term | null, predicate?: Term | null, object?: Term | null, graph?: Term | null): InstanceType<typeof asyncIterator.AsyncIterator<Quad>> {
    // No match is an empty range, not an EmptyIterator: that one has ended before Comunica listens, and some of its
    // operators (EXISTS, MINUS, empty-group aggregates) then wait for an 'end' that never comes.
    const range = this.index.range(subject, predicate, object, graph) ?? { order: 0, start: 0, end: 0 };
    return new RangeIterator(this.index, range.order, range.start, range.end);
  }

  countQuads(subject?: Term | null, predicate?: Term | null, object?: Term | null, graph?: Term | null): number {
    return this.index.countQuads(subject, predicate, object, graph);
  }
}
