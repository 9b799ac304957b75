import { describe, expect, it } from 'vitest';
import { BadRequestError, NotAcceptableError } from '../../src/errors/casegraph-error.js';
import { chooseRepresentation, type ChooseOptions, type Representation } from '../../src/http/choose-representation.js';

const json: Representation = { name: 'json', mediaType: 'application/sparql-results+json', aliases: ['application/json'] };
const xml: Representation = { name: 'xml', mediaType: 'application/sparql-results+xml' };
const csv: Representation = { name: 'csv', mediaType: 'text/csv', suffix: '.csv' };
const turtle: Representation = { name: 'turtle', mediaType: 'text/turtle' };
const offers = [json, xml, csv];

/** A reply that keeps its headers, as Fastify's does. */
function fakeReply(initial: Record<string, string> = {}) {
  const headers: Record<string, string> = { ...initial };
  return {
    headers,
    getHeader: (name: string) => headers[name],
    header: (name: string, value: string) => {
      headers[name] = value;
    },
  };
}

function choose(accept: string | undefined, options: Partial<ChooseOptions<Representation>> = {}, reply = fakeReply()) {
  return chooseRepresentation({ headers: accept === undefined ? {} : { accept } }, reply, offers, { what: 'a table', ...options });
}
const pick = (accept: string | undefined) => choose(accept).name;

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('an Accept header', () => {
  it('that is missing, empty or */* gets the server first choice', () => {
    expect(pick(undefined)).toBe('json');
    expect(pick('')).toBe('json');
    expect(pick('*/*')).toBe('json');
  });

  it('matches media types case-insensitively', () => {
    expect(pick('Text/CSV')).toBe('csv');
  });

  it('may name an alias of a representation', () => {
    expect(pick('application/json')).toBe('json');
  });

  it('that names nothing on offer is a 406', () => {
    expect(thrown(() => pick('image/png, text/html;q=0.9'))).toBeInstanceOf(NotAcceptableError);
    expect(thrown(() => pick('not a media type'))).toBeInstanceOf(NotAcceptableError);
  });
});

describe('an Accept header with q-values', () => {
  it("picks the highest q, the server's order breaking ties", () => {
    expect(pick('application/sparql-results+json;q=0.2, text/csv;q=0.8, application/sparql-results+xml;q=0.5')).toBe('csv');
    expect(pick('text/csv, application/sparql-results+xml')).toBe('xml');
  });

  it('lets the most specific range decide, so q=0 excludes a type even under */*', () => {
    expect(pick('application/sparql-results+json;q=0, */*;q=0.1')).toBe('xml');
    expect(pick('text/*;q=0.3, application/*;q=0.2')).toBe('csv');
  });

  it('ignores a malformed q-value rather than failing', () => {
    expect(pick('application/sparql-results+xml;q=0.5, text/csv;q=high')).toBe('csv');
  });
});

describe('format=', () => {
  it('wins over Accept', () => {
    expect(choose('text/csv', { format: 'xml' }).name).toBe('xml');
  });

  it('names a representation by name, synonym, media type or alias, in any case', () => {
    expect(choose(undefined, { format: ' CSV ' }).name).toBe('csv');
    expect(choose(undefined, { format: 'srx', formatSynonyms: { srx: 'xml' } }).name).toBe('xml');
    expect(choose(undefined, { format: 'text/csv' }).name).toBe('csv');
    expect(choose(undefined, { format: 'application/json' }).name).toBe('json');
  });

  it('when unknown is a 400 naming the parameter and the values it takes', () => {
    const error = thrown(() => choose(undefined, { format: 'yaml' }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe('parameter "format" must be one of json, xml, csv; got "yaml"');
  });

  it('given more than once is a 400, unless the route allows it', () => {
    const error = thrown(() => choose(undefined, { format: ['csv', 'xml'] }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe('parameter "format" is given more than once: give one of json, xml, csv');
  });

  it('given several times where allowed, is decided by the first value naming an offer', () => {
    expect(choose(undefined, { format: ['yaml', 'tsv', 'text/csv', 'xml'], formatMayRepeat: true }).name).toBe('csv');
    expect(thrown(() => choose(undefined, { format: ['yaml', 'toml'], formatMayRepeat: true })).message).toBe(
      'unknown format "yaml", "toml": use one of json, xml, csv',
    );
  });

  it('naming a known form that cannot carry this answer is a 406, not a 400', () => {
    const error = thrown(() => choose(undefined, { format: 'turtle', known: [turtle] }));
    expect(error).toBeInstanceOf(NotAcceptableError);
    expect(error.message).toMatch(/^format turtle cannot carry a table; available: /);
  });

  it('cannot be combined with a suffix', () => {
    const error = thrown(() => choose(undefined, { format: 'csv', suffix: '.csv' }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe('parameter "format" cannot be combined with the .csv suffix');
  });
});

describe('a suffix in the path', () => {
  it('fixes the representation whatever Accept says', () => {
    expect(choose('image/png', { suffix: '.csv' }).name).toBe('csv');
  });
});

describe('the 406', () => {
  it('lists what is available by media type and by format=', () => {
    const error = thrown(() => choose('image/png', { format: undefined }));
    expect(error.message).toBe(
      'none of the accepted media types can carry a table; available: application/sparql-results+json (format=json), application/sparql-results+xml (format=xml), text/csv (format=csv); or ask with format=json|xml|csv',
    );
  });

  it('offers no format= on a route that takes none, and ends with where else to look', () => {
    const error = thrown(() => choose('image/png', { seeAlso: 'see /elsewhere' }));
    expect(error.message).toBe(
      'none of the accepted media types can carry a table; available: application/sparql-results+json, application/sparql-results+xml, text/csv; see /elsewhere',
    );
  });

  it('gives way to a fallback where the route has one', () => {
    expect(choose('image/png', { fallback: csv }).name).toBe('csv');
  });
});

describe('Vary', () => {
  it('says Accept when Accept chose, even for a 406', () => {
    const reply = fakeReply();
    choose('text/csv', {}, reply);
    expect(reply.headers.vary).toBe('Accept');
    const refused = fakeReply();
    thrown(() => choose('image/png', {}, refused));
    expect(refused.headers.vary).toBe('Accept');
  });

  it('keeps what is already there', () => {
    const reply = fakeReply({ vary: 'Origin' });
    choose(undefined, {}, reply);
    expect(reply.headers.vary).toBe('Origin, Accept');
  });

  it('is left alone when format= or a suffix chose, since Accept changed nothing', () => {
    const byFormat = fakeReply();
    choose('text/csv', { format: 'xml' }, byFormat);
    const bySuffix = fakeReply();
    choose('text/csv', { suffix: '.csv' }, bySuffix);
    expect(byFormat.headers.vary).toBeUndefined();
    expect(bySuffix.headers.vary).toBeUndefined();
  });
});
