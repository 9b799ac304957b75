import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { lowerThreadPriority } from '../../../src/backends/local/lower-thread-priority.js';

const platform = Object.getOwnPropertyDescriptor(process, 'platform');
afterEach(() => {
  if (platform) Object.defineProperty(process, 'platform', platform);
});

describe('lowering a thread priority by 0 steps', () => {
  it('changes nothing and has nothing to say', () => {
    const before = os.getPriority(0);
    expect(lowerThreadPriority(0)).toBeUndefined();
    expect(os.getPriority(0)).toBe(before);
  });
});

// Linux's own behaviour, a worker thread lowered and the request thread not, is tested through the pool (query-worker-priority.test.ts).
describe('lowering a thread priority where setpriority names the whole process', () => {
  it('changes nothing, so the request thread is never lowered, and says why', () => {
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    const before = os.getPriority(0);
    expect(lowerThreadPriority(10)).toMatch(/cannot be set on darwin/);
    expect(os.getPriority(0)).toBe(before);
  });
});
