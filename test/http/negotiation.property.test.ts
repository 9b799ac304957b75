import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError, NotAcceptableError } from '../../src/errors/casegraph-error.js';
import { chooseRepresentation, type Representation } from '../../src/http/choose-representation.js';
import { parseAccept, qualityOf } from '../../src/http/parse-accept.js';
import { syntheticApp, type SyntheticApp } from '../helpers/synthetic-app.js';

// Property tests: whatever a client writes in Accept or format=, negotiation answers an offer or a 4xx, never a crash.

const token = fc.stringMatching(/^[\w.+*-]{0,12}$/);
const mediaRange = fc.oneof(
  fc.tuple(token, token).map(([t, s]) => `${t}/${s}`),
  fc.constantFrom('*/*', 'text/html', 'application/ld+json', 'text/turtle', 'application/sparql-results+json', 'text/*'),
);
const parameter = fc.oneof(
  fc.tuple(fc.constantFrom('q', 'Q', 'profile', 'charset', ''), fc.string({ maxLength: 12 })).map(([n, v]) => `${n}=${v}`),
  fc.string({ maxLength: 12 }),
);
/** Accept headers shaped like real ones, plus arbitrary text. */
const acceptHeader = fc.oneof(
  fc
    .array(
      fc.tuple(mediaRange, fc.array(parameter, { maxLength: 3 })).map(([r, ps]) => [r, ...ps].join(';')),
      { maxLength: 6 },
    )
    .map((rs) => rs.join(', ')),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const offers: readonly Representation[] = [
  { mediaType: 'text/html', name: 'html', suffix: '.html' },
  { mediaType: 'text/turtle', name: 'turtle', suffix: '.ttl' },
  { mediaType: 'application/ld+json', name: 'jsonld', suffix: '.jsonld', aliases: ['application/json'] },
];
const reply = () => {
  const headers = new Map<string, string>();
  return { getHeader: (name: string) => headers.get(name), header: (name: string, value: string) => headers.set(name, value) };
};

describe('parseAccept', () => {
  it('reads any header without throwing, every q between 0 and 1', () => {
    fc.assert(
      fc.property(fc.option(acceptHeader, { nil: undefined }), (header) => {
        const ranges = parseAccept(header);
        for (const range of ranges) {
          expect(range.q).toBeGreaterThanOrEqual(0);
          expect(range.q).toBeLessThanOrEqual(1);
        }
        for (const offer of offers) expect(qualityOf(offer.mediaType, ranges)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('chooseRepresentation', () => {
  it('returns one of the offers or throws a 400 or 406, for any Accept and format=', () => {
    const format = fc.option(
      fc.oneof(fc.constantFrom('html', 'turtle', 'jsonld', 'csv'), fc.string({ maxLength: 10 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 })),
      {
        nil: undefined,
      },
    );
    fc.assert(
      fc.property(acceptHeader, format, fc.boolean(), (accept, value, mayRepeat) => {
        try {
          const chosen = chooseRepresentation({ headers: { accept } }, reply(), offers, { what: 'a test answer', format: value, formatMayRepeat: mayRepeat });
          expect(offers).toContain(chosen);
        } catch (error) {
          expect(error instanceof BadRequestError || error instanceof NotAcceptableError, String(error)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('negotiation through the server', () => {
  let s: SyntheticApp;
  beforeAll(async () => {
    s = await syntheticApp();
  });
  afterAll(async () => s?.close());

  it('answers any Accept and format= on a resource and on /sparql with a status below 500', async () => {
    const format = fc.option(fc.oneof(fc.constantFrom('json', 'xml', 'csv', 'tsv', 'turtle', 'jsonld', 'html', 'rdfxml'), fc.string({ maxLength: 10 })), {
      nil: undefined,
    });
    const path = fc.constantFrom(
      '/id/person/p1',
      '/id/person/p1.ttl',
      '/sparql?query=ASK%7B%7D',
      '/sparql?query=CONSTRUCT%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%201',
      '/api/queries',
      '/dumps/',
    );
    await fc.assert(
      fc.asyncProperty(path, acceptHeader, format, async (url, accept, value) => {
        const target = value === undefined ? url : `${url}${url.includes('?') ? '&' : '?'}format=${encodeURIComponent(value)}`;
        // Node refuses control characters in a header value before sending: only what a client could send is tried.
        const headers = /^[\t\x20-\x7e\x80-\xff]*$/.test(accept) ? { accept } : {};
        const response = await s.app.inject({ url: target, headers });
        expect(response.statusCode, `${target} Accept: ${accept} -> ${response.body.slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});
