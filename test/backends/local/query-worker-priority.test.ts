import { readFileSync, readdirSync } from 'node:fs';
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { buildQuadIndex } from '../../../src/backends/local/build-quad-index.js';
import { QueryPool } from '../../../src/backends/local/query-pool.js';

const { namedNode, literal, quad } = DataFactory;
const ex = (local: string) => namedNode(`http://example.test/synthetic/${local}`);
const quads = Array.from({ length: 20 }, (_, i) => quad(ex(`s${i}`), ex('p'), literal(`v${i}`), ex('g')));

/** The nice value of one thread of this process, field 19 of /proc/…/stat (counted after the parenthesised name). */
function niceOf(statPath: string): number {
  const stat = readFileSync(statPath, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

/** Nice value → how many of this process's threads have it. */
function threadNices(): Map<number, number> {
  const counts = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const nice = niceOf(`/proc/self/task/${tid}/stat`);
    counts.set(nice, (counts.get(nice) ?? 0) + 1);
  }
  return counts;
}

// The nice value is per thread only on Linux, where /proc shows it; elsewhere the pool leaves priorities alone.
describe.skipIf(process.platform !== 'linux')('query workers started with a nice value (Linux)', () => {
  it('run that many steps below the thread that started them, which keeps its own priority', async () => {
    const own = niceOf('/proc/thread-self/stat');
    const lowered = Math.min(19, own + 7);
    const before = threadNices().get(lowered) ?? 0;
    const notes: string[] = [];
    const pool = await QueryPool.start({
      size: 1,
      index: buildQuadIndex(quads),
      baseIri: 'http://example.test/synthetic/',
      nice: 7,
      debug: (line) => notes.push(line),
    });
    try {
      while (!pool.hasSpare) await new Promise((resolve) => setTimeout(resolve, 50));
      // The working worker and the spare; Node's own helper threads keep the process's priority.
      expect((threadNices().get(lowered) ?? 0) - before).toBe(2);
      expect(niceOf('/proc/thread-self/stat')).toBe(own);
      expect(notes).toEqual([]);
      // A lowered worker still answers.
      expect(await pool.run({ query: 'ASK { ?s ?p ?o }', maxResults: 1 }, 30_000)).toEqual({ kind: 'boolean', value: true });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('keep the priority of the thread that started them when the nice value is 0', async () => {
    const own = niceOf('/proc/thread-self/stat');
    const before = threadNices();
    const pool = await QueryPool.start({ size: 1, index: buildQuadIndex(quads), baseIri: 'http://example.test/synthetic/', nice: 0 });
    try {
      while (!pool.hasSpare) await new Promise((resolve) => setTimeout(resolve, 50));
      const after = threadNices();
      // Two more threads than before at our own priority (the workers), none elsewhere.
      expect((after.get(own) ?? 0) - (before.get(own) ?? 0)).toBeGreaterThanOrEqual(2);
      for (const [nice, count] of after) if (nice !== own) expect(count).toBe(before.get(nice) ?? 0);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
