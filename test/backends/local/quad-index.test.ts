import { DataFactory, Store } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import { buildQuadIndex } from '../../../src/backends/local/build-quad-index.js';
import { QuadIndex } from '../../../src/backends/local/quad-index.js';
import { CasegraphError } from '../../../src/errors/casegraph-error.js';
import { seededRandom } from '../../../bench/seeded-random.js';

const { namedNode, blankNode, literal, defaultGraph, quad, variable } = DataFactory;
const ex = (local: string) => namedNode(`http://example.test/synthetic/${local}`);

// A seeded generator (the bench's) instead of fast-check: no new dependency for one test, the same cases on every run,
// and a failure names its seed and pattern. Small vocabularies make collisions (and so duplicates and shared terms) common.
const subjects: Term[] = [ex('a'), ex('b'), ex('c'), ex('é/ü'), blankNode('b0'), blankNode('b1')];
const predicates: Term[] = [ex('p'), ex('q'), ex('r')];
const objects: Term[] = [
  ...subjects,
  literal('x'),
  literal('x', 'en'),
  literal('x', 'en-GB'),
  literal('x', ex('type')),
  literal('42', namedNode('http://www.w3.org/2001/XMLSchema#integer')),
  literal(''),
  literal('line\nbreak "quoted" \u0000 nul'),
  literal('日本語', 'ja'),
];
const graphs: Term[] = [defaultGraph(), ex('g1'), ex('g2'), ex('g3')];
/** Terms the data never holds, so lookups of absent terms are exercised in every position. */
const absent: Term[] = [ex('absent'), blankNode('nobody'), literal('x', 'fr'), literal('x', ex('other')), ex('g9')];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function randomQuads(next: () => number, count: number): Quad[] {
  const quads: Quad[] = [];
  for (let i = 0; i < count; i++) {
    quads.push(
      quad(
        pick(next, subjects) as Quad['subject'],
        pick(next, predicates) as Quad['predicate'],
        pick(next, objects) as Quad['object'],
        pick(next, graphs) as Quad['graph'],
      ),
    );
  }
  // Exact duplicates on purpose: both stores must keep them once.
  return [...quads, ...quads.slice(0, count / 10)];
}

/** Each position unbound (undefined, null or a variable), bound to a term in the data, or bound to one absent from it. */
function randomPosition(next: () => number, present: readonly Term[]): Term | null | undefined {
  const roll = next();
  if (roll < 0.15) return undefined;
  if (roll < 0.25) return null;
  if (roll < 0.3) return variable('v');
  if (roll < 0.38) return pick(next, absent);
  return pick(next, present);
}

const key = (q: Quad) =>
  [q.subject, q.predicate, q.object, q.graph]
    .map((t) => `${t.termType}|${t.value}|${(t as { language?: string }).language ?? ''}|${(t as { datatype?: Term }).datatype?.value ?? ''}`)
    .join(' ');
const n3Term = (term: Term | null | undefined) => (term && term.termType !== 'Variable' ? term : null);

describe('the quad index', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`answers every quad pattern exactly as an N3 store does (seed ${seed})`, () => {
      const next = seededRandom(seed);
      const quads = randomQuads(next, 400);
      const store = new Store(quads);
      const index = QuadIndex.attach(buildQuadIndex(quads), { cacheSize: 8 });
      expect(index.size).toBe(store.size);
      for (let round = 0; round < 400; round++) {
        const pattern = [
          randomPosition(next, subjects),
          randomPosition(next, predicates),
          randomPosition(next, objects),
          randomPosition(next, graphs),
        ] as const;
        const expected = store.getQuads(n3Term(pattern[0]), n3Term(pattern[1]), n3Term(pattern[2]), n3Term(pattern[3])).map(key).sort();
        const described = `seed ${seed} round ${round}: ${pattern.map((t) => (t ? `${t.termType} ${t.value}` : String(t))).join(', ')}`;
        expect(
          index
            .match(...pattern)
            .map(key)
            .sort(),
          described,
        ).toEqual(expected);
        expect(index.countQuads(...pattern), described).toBe(expected.length);
      }
      // Every position of every pattern mask at least once, whatever the random rounds chose.
      for (let mask = 0; mask < 16; mask++) {
        const sample = quads[mask % quads.length] as Quad;
        const terms = [sample.subject, sample.predicate, sample.object, sample.graph].map((t, i) => (mask & (1 << i) ? t : undefined));
        const expected = store.countQuads(n3Term(terms[0]), n3Term(terms[1]), n3Term(terms[2]), n3Term(terms[3]));
        expect(index.countQuads(...terms), `mask ${mask}`).toBe(expected);
        expect(expected).toBeGreaterThan(0);
      }
    });
  }

  it('keeps the same triple in two graphs as two quads, and an exact duplicate once', () => {
    const triple = [ex('a'), ex('p'), literal('x', 'en')] as const;
    const index = QuadIndex.attach(buildQuadIndex([quad(...triple, ex('g1')), quad(...triple, ex('g2')), quad(...triple, ex('g1'))]));
    expect(index.size).toBe(2);
    expect(index.countQuads(ex('a'))).toBe(2);
    expect(index.match(undefined, undefined, undefined, ex('g1'))).toHaveLength(1);
  });

  it('gives blank nodes the same label in every attached view (as every worker thread would see them)', () => {
    const buffers = buildQuadIndex([quad(blankNode('n1'), ex('p'), blankNode('n2'))]);
    const [first, second] = [QuadIndex.attach(buffers), QuadIndex.attach(buffers)];
    expect(first.match()[0]?.subject.value).toBe('n1');
    expect(second.match()[0]?.object).toEqual(first.match()[0]?.object);
  });

  it('reads terms back with language tags, directions and datatypes intact', () => {
    const directional = DataFactory.literal('مرحبا', { language: 'ar', direction: 'rtl' } as unknown as string);
    const terms = [literal('x', 'en'), literal('1', namedNode('http://www.w3.org/2001/XMLSchema#integer')), literal('plain'), directional];
    const index = QuadIndex.attach(buildQuadIndex(terms.map((object) => quad(ex('s'), ex('p'), object as Quad['object'], ex('g')))));
    for (const term of terms) {
      const [found] = index.match(undefined, undefined, term);
      expect(found?.object.equals(term), term.value).toBe(true);
      expect((found?.object as { direction?: string }).direction ?? '').toBe((term as { direction?: string }).direction ?? '');
    }
  });

  it('matches nothing for a quoted-triple pattern, and refuses quoted triples in the data with an error naming one', () => {
    const index = QuadIndex.attach(buildQuadIndex([quad(ex('s'), ex('p'), ex('o'))]));
    expect(index.match(quad(ex('s'), ex('p'), ex('o')) as unknown as Term)).toEqual([]);
    expect(() => buildQuadIndex([quad(quad(ex('s'), ex('p'), ex('o')) as unknown as Quad['subject'], ex('p'), ex('o'))])).toThrow(CasegraphError);
  });

  it('is empty over no quads', () => {
    const index = QuadIndex.attach(buildQuadIndex([]));
    expect(index.size).toBe(0);
    expect(index.match()).toEqual([]);
    expect(index.countQuads(ex('a'))).toBe(0);
  });
});
