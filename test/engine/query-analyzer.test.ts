import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../src/errors/casegraph-error.js';
import { QueryAnalyzer } from '../../src/engine/query-analyzer.js';

const analyzer = new QueryAnalyzer('http://example.test/');

function rejection(query: string): BadRequestError {
  try {
    analyzer.analyze(query);
  } catch (error) {
    if (error instanceof BadRequestError) return error;
    throw error;
  }
  throw new Error(`accepted: ${query}`);
}

describe('a query form', () => {
  it.each([
    ['SELECT * { ?s ?p ?o }', 'select', 'bindings'],
    ['ASK {}', 'ask', 'boolean'],
    ['CONSTRUCT WHERE { ?s ?p ?o }', 'construct', 'quads'],
    ['DESCRIBE <http://example.test/a>', 'describe', 'quads'],
    ['# SELECT in a comment\nASK { ?s ?p "SERVICE LOAD INSERT" }', 'ask', 'boolean'],
  ])('is read from the parse of %j', (query, form, kind) => {
    const analysis = analyzer.analyze(query);
    expect([analysis.form, analysis.resultKind]).toEqual([form, kind]);
  });
});

describe('an update', () => {
  it.each([
    ['INSERT DATA { <a> <b> <c> }', /INSERT DATA\) are not accepted: this endpoint is read-only/],
    ['DELETE WHERE { ?s ?p ?o }', /DELETE WHERE\) are not accepted/],
    ['CLEAR ALL', /CLEAR\) are not accepted/],
    ['DROP GRAPH <http://example.test/g>', /DROP\) are not accepted/],
  ])('%j is refused with 400 and a one-line message', (query, message) => {
    const error = rejection(query);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });
});

describe('LOAD', () => {
  it('is refused with 400, saying nothing is fetched', () => {
    const error = rejection('LOAD <http://example.test/remote.ttl>');
    expect([error.status, error.message]).toEqual([400, 'LOAD is not accepted: this endpoint is read-only and never fetches a URL']);
  });
});

describe('SERVICE', () => {
  it('is refused with 400, naming where it starts', () => {
    const error = rejection('SELECT * {\n  ?s ?p ?o .\n  OPTIONAL { SERVICE SILENT <http://example.test/sparql> { ?s ?q ?r } }\n}');
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^SERVICE is not accepted/);
    expect(error.location).toEqual({ line: 3, column: 14 });
  });

  it('is found inside subqueries and EXISTS filters', () => {
    expect(rejection('SELECT * { { SELECT ?s { SERVICE <http://example.test/s> { ?s ?p ?o } } } }').message).toMatch(/^SERVICE/);
    expect(rejection('ASK { FILTER EXISTS { SERVICE <http://example.test/s> { ?s ?p ?o } } }').message).toMatch(/^SERVICE/);
  });
});

describe('a query nested thousands deep', () => {
  it('is a 400 saying so, not a stack overflow message', () => {
    const error = rejection(`SELECT * WHERE ${'{'.repeat(20000)} ?s ?p ?o ${'}'.repeat(20000)}`);
    expect(error.status).toBe(400);
    expect(error.message).toBe('the query is nested too deeply to be read (thousands of levels of braces or brackets)');
  });
});

describe('a syntax error', () => {
  it('is a 400 naming line and column', () => {
    const error = rejection('SELECT *\nWHERE { ?s ?p }');
    expect(error.status).toBe(400);
    expect(error.location).toEqual({ line: 2, column: 15 });
    expect(error.describe()).toBe('2:15: syntax error: unexpected "}"');
  });

  it('at the end of the query points just past the last token', () => {
    const error = rejection('SELECT * WHERE { ?s ?p ?o');
    expect(error.location).toEqual({ line: 1, column: 26 });
    expect(error.message).toBe('syntax error: expected "}" but found the end of the query');
  });

  it('in a token names where the bad character is', () => {
    const error = rejection('ASK {\n  ?s ?p $$ }');
    expect(error.location?.line).toBe(2);
    expect(error.message).toMatch(/^syntax error: unexpected character/);
  });

  it('with an unknown prefix is a 400 with a one-line message', () => {
    const error = rejection('SELECT * { ?s nope:p ?o }');
    expect(error.message).toMatch(/nope/);
    expect(error.message).not.toContain('\n');
  });
});
