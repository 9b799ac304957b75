import { describe, expect, it } from 'vitest';
import { iriToUri, uriToIri } from '../../src/linked-data/uri-to-iri.js';

describe('a request path read as an IRI', () => {
  it('decodes escaped non-ASCII letters and unreserved characters', () => {
    expect(uriToIri('/id/place/%E4%B9%8C%E9%B2%81%E6%9C%A8%E9%BD%90')).toBe('/id/place/乌鲁木齐');
    expect(uriToIri('/id/place/%c3%bcr%c3%bcmqi')).toBe('/id/place/ürümqi');
    expect(uriToIri('/id/%7Ex%2Dy')).toBe('/id/~x-y');
  });

  it('keeps the escapes an IRI cannot do without, in upper case', () => {
    expect(uriToIri('/id/place/a%20b')).toBe('/id/place/a%20b');
    expect(uriToIri('/id/a%2fb%3F%25')).toBe('/id/a%2Fb%3F%25');
  });

  it('keeps invalid UTF-8, controls and bidi formatting characters escaped', () => {
    expect(uriToIri('/id/%E4%B9')).toBe('/id/%E4%B9');
    expect(uriToIri('/id/%C0%AF')).toBe('/id/%C0%AF');
    expect(uriToIri('/id/%C2%85x')).toBe('/id/%C2%85x');
    expect(uriToIri('/id/%E2%80%AE')).toBe('/id/%E2%80%AE');
  });
});

describe('an IRI written into an HTTP header', () => {
  it('is ASCII, and reads back as the same IRI', () => {
    const iri = '/id/place/乌鲁木齐.ttl';
    const uri = iriToUri(iri);
    expect(uri).toMatch(/^[\x21-\x7E]+$/);
    expect(uriToIri(uri)).toBe(iri);
    expect(iriToUri('/id/place/a%20b')).toBe('/id/place/a%20b');
  });
});
