import { describe, expect, it } from 'vitest';
import { BadRequestError, DataError, QueryMemoryError, QueryTimeoutError } from '../../src/errors/casegraph-error.js';
import { toHttpError } from '../../src/http/error-handler.js';

describe('a client error', () => {
  it('keeps its status and says where it went wrong, on one line', () => {
    const error = new BadRequestError('syntax error: expected "}"\nbut found the end', { line: 2, column: 9 });
    expect(toHttpError(error)).toEqual({ status: 400, message: 'line 2, column 9: syntax error: expected "}" but found the end' });
  });
});

describe('a server error', () => {
  it('says nothing of its cause', () => {
    expect(toHttpError(new Error('ENOENT: /srv/secret/path'))).toEqual({ status: 500, message: 'internal server error' });
    expect(toHttpError(new DataError('bad file', { file: 'data/x.ttl', line: 3 }))).toEqual({ status: 500, message: 'internal server error' });
  });

  it('says only that the time limit stopped a query, without the deadline or the query', () => {
    expect(toHttpError(new QueryTimeoutError('stopped after 30000 ms: SELECT ...'))).toEqual({
      status: 503,
      message: 'the query was stopped: it ran past its time limit',
    });
  });

  it('says only that the memory limit stopped a query', () => {
    expect(toHttpError(new QueryMemoryError('the query was stopped: it needed more than the 1024 MiB a query may use'))).toEqual({
      status: 503,
      message: 'the query was stopped: it needed more memory than a query may use',
    });
  });
});
