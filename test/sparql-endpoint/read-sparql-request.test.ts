import { describe, expect, it } from 'vitest';
import { minimumTimeoutMs, readSparqlRequest } from '../../src/sparql-endpoint/read-sparql-request.js';

const read = (query: string) => readSparqlRequest({ method: 'GET', url: `/sparql?${query}`, contentType: undefined, body: undefined });

describe('a timeout= shorter than the floor', () => {
  it('is raised to the floor, so a client cannot make every query kill its worker', () => {
    expect(read('query=ASK%7B%7D&timeout=0.001').timeoutMs).toBe(minimumTimeoutMs);
    expect(read('query=ASK%7B%7D&timeout=0.05').timeoutMs).toBe(minimumTimeoutMs);
  });

  it('leaves longer deadlines as given, in milliseconds', () => {
    expect(read('query=ASK%7B%7D&timeout=0.5').timeoutMs).toBe(500);
    expect(read('query=ASK%7B%7D&timeout=2').timeoutMs).toBe(2000);
  });
});
