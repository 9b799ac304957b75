import { describe, expect, it } from 'vitest';
import { AdmissionControl, slowFactor } from '../../src/http/admission-control.js';
import { QueryTimeoutError } from '../../src/errors/casegraph-error.js';

// A clock the test moves by hand: each query "runs" for the time the test says, with no real waiting.
function fixture() {
  let now = 0;
  const control = new AdmissionControl({ capacity: 2, reserved: 1, queueSize: 10, perClient: 2, cheapMs: 100, budgetMs: 0 }, () => now);
  const run = (ms: number, outcome: 'answer' | 'timeout' = 'answer') =>
    control.run({ client: 'c', query: 'q', deadlineMs: 10_000 }, async () => {
      now += ms;
      if (outcome === 'timeout') throw new QueryTimeoutError('stopped at its deadline');
      return 'ok';
    });
  return { control, run };
}

describe('an ad-hoc query seen finishing fast', () => {
  it('becomes cheap, and only a fast run makes it so', async () => {
    const { control, run } = fixture();
    await run(150);
    expect(control.stats().knownCheap).toBe(0);
    await run(80);
    expect(control.stats().knownCheap).toBe(1);
  });

  it(`stays cheap through one slow run up to ${slowFactor} times CHEAP_QUERY_MS, as on a busy machine`, async () => {
    const { control, run } = fixture();
    await run(80);
    await run(100 * slowFactor);
    expect(control.stats().knownCheap).toBe(1);
  });

  it(`loses its place when a run takes longer than ${slowFactor} times CHEAP_QUERY_MS`, async () => {
    const { control, run } = fixture();
    await run(80);
    await run(100 * slowFactor + 1);
    expect(control.stats().knownCheap).toBe(0);
  });

  it('loses its place when a run is stopped at its deadline', async () => {
    const { control, run } = fixture();
    await run(80);
    await expect(run(50, 'timeout')).rejects.toBeInstanceOf(QueryTimeoutError);
    expect(control.stats().knownCheap).toBe(0);
  });
});
