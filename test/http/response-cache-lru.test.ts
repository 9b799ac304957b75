import { describe, expect, it } from 'vitest';
import { ResponseCache, type CachedResponse } from '../../src/http/response-cache.js';
import { responseCacheKey } from '../../src/http/response-cache-key.js';

const answer = (bytes: number): CachedResponse => ({ headers: { 'content-type': 'text/plain' }, body: Buffer.alloc(bytes, 'x') });

describe('a response cache with a budget of bytes', () => {
  it('evicts the least recently used entry first when a new one does not fit', () => {
    const cache = new ResponseCache({ maxBytes: 2200, maxEntryShare: 1 });
    expect(cache.set('a', answer(500))).toBe(true);
    expect(cache.set('b', answer(500))).toBe(true);
    expect(cache.set('c', answer(500))).toBe(true);
    // Reading a makes b the least recently used.
    expect(cache.get('a')).toBeDefined();
    expect(cache.set('d', answer(500))).toBe(true);
    expect(cache.has('b')).toBe(false);
    expect(['a', 'c', 'd'].every((key) => cache.has(key))).toBe(true);
    const stats = cache.stats();
    expect(stats.evictions).toBe(1);
    expect(stats.entries).toBe(3);
    expect(stats.bytes).toBeLessThanOrEqual(2200);
    expect(stats.bytes).toBeGreaterThan(3 * 500);
  });

  it('counts hits and misses', () => {
    const cache = new ResponseCache({ maxBytes: 10_000 });
    cache.set('a', answer(10));
    cache.get('a');
    cache.get('a');
    cache.get('b');
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 1 });
  });

  it('does not keep an entry larger than its share of the budget, and keeps the others', () => {
    const cache = new ResponseCache({ maxBytes: 8000, maxEntryShare: 1 / 4 });
    cache.set('small', answer(100));
    expect(cache.set('huge', answer(3000))).toBe(false);
    expect(cache.has('huge')).toBe(false);
    expect(cache.has('small')).toBe(true);
    expect(cache.stats()).toMatchObject({ tooLarge: 1, evictions: 0, entries: 1 });
  });

  it('replacing a key frees the old entry’s bytes', () => {
    const cache = new ResponseCache({ maxBytes: 10_000 });
    cache.set('a', answer(1000));
    const once = cache.stats().bytes;
    cache.set('a', answer(1000));
    expect(cache.stats()).toMatchObject({ bytes: once, entries: 1 });
  });

  it('with a budget of 0 keeps nothing', () => {
    const cache = new ResponseCache({ maxBytes: 0 });
    expect(cache.enabled).toBe(false);
    expect(cache.set('a', answer(1))).toBe(false);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.stats().entries).toBe(0);
  });

  it('refuses a negative budget', () => {
    expect(() => new ResponseCache({ maxBytes: -1 })).toThrow(RangeError);
  });
});

describe('the key of a request', () => {
  const key = (url: string, accept?: string) => responseCacheKey('v1', { url, headers: { accept } });

  it('does not depend on the order of differently named query parameters', () => {
    expect(key('/x?b=2&a=1')).toBe(key('/x?a=1&b=2'));
  });

  it('keeps the order of a repeated parameter', () => {
    expect(key('/x?f=json&a=1&f=csv')).toBe(key('/x?a=1&f=json&f=csv'));
    expect(key('/x?f=json&f=csv')).not.toBe(key('/x?f=csv&f=json'));
  });

  it('treats two encodings of one value as one', () => {
    expect(key('/x?q=a%20b')).toBe(key('/x?q=a+b'));
  });

  it('differs by Accept, by path and by dataset version', () => {
    expect(key('/x', 'text/html')).not.toBe(key('/x', 'text/turtle'));
    expect(key('/x')).not.toBe(key('/y'));
    expect(responseCacheKey('v1', { url: '/x', headers: {} })).not.toBe(responseCacheKey('v2', { url: '/x', headers: {} }));
  });

  it('keeps a parameter without a value apart from a path without a query', () => {
    expect(key('/x?a')).not.toBe(key('/x'));
  });
});
