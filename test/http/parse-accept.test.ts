import { describe, expect, it } from 'vitest';
import { parseAccept, qualityOf } from '../../src/http/parse-accept.js';

describe('the q a media type gets from an Accept header', () => {
  it('is that of the most specific range matching it', () => {
    expect(qualityOf('text/csv', parseAccept('text/*;q=0.3, text/csv;q=0.9'))).toBe(0.9);
    expect(qualityOf('text/plain', parseAccept('text/*;q=0.3, text/csv;q=0.9'))).toBe(0.3);
  });

  it('is 0 when no range matches it', () => {
    expect(qualityOf('image/png', parseAccept('text/*, application/json'))).toBe(0);
  });

  it('is 1 when the q-value is malformed, rather than a failure', () => {
    expect(qualityOf('text/csv', parseAccept('text/csv;q=high'))).toBe(1);
  });
});
