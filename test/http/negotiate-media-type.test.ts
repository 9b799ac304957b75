import { describe, expect, it } from 'vitest';
import { negotiateMediaType, parseAccept, qualityOf } from '../../src/http/negotiate-media-type.js';

const offers = [{ mediaType: 'application/sparql-results+json' }, { mediaType: 'application/sparql-results+xml' }, { mediaType: 'text/csv' }];
const pick = (accept: string | undefined) => negotiateMediaType(accept, offers)?.mediaType;

describe('an Accept header', () => {
  it('that is missing, empty or */* gets the server first choice', () => {
    expect(pick(undefined)).toBe('application/sparql-results+json');
    expect(pick('')).toBe('application/sparql-results+json');
    expect(pick('*/*')).toBe('application/sparql-results+json');
  });

  it('gets the highest q-value, wherever it is listed', () => {
    expect(pick('application/sparql-results+json;q=0.2, text/csv;q=0.8, application/sparql-results+xml;q=0.5')).toBe('text/csv');
  });

  it('breaks ties by the server order', () => {
    expect(pick('text/csv, application/sparql-results+xml')).toBe('application/sparql-results+xml');
  });

  it('lets the most specific range decide, so q=0 excludes a type even under */*', () => {
    expect(pick('application/sparql-results+json;q=0, */*;q=0.1')).toBe('application/sparql-results+xml');
    expect(qualityOf('text/csv', parseAccept('text/*;q=0.3, text/csv;q=0.9'))).toBe(0.9);
    expect(qualityOf('text/plain', parseAccept('text/*;q=0.3, text/csv;q=0.9'))).toBe(0.3);
  });

  it('matches media types case-insensitively', () => {
    expect(pick('Text/CSV')).toBe('text/csv');
  });

  it('that names nothing on offer gets nothing (the caller answers 406)', () => {
    expect(pick('image/png, text/html;q=0.9')).toBeUndefined();
    expect(pick('not a media type')).toBeUndefined();
  });

  it('ignores a malformed q-value rather than failing', () => {
    expect(qualityOf('text/csv', parseAccept('text/csv;q=high'))).toBe(1);
  });
});
