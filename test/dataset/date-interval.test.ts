import { describe, expect, it } from 'vitest';
import { DataFactory } from 'n3';
import { dateInterval } from '../../src/dataset/date-interval.js';
import { xsd } from '../../src/vocabulary/namespaces.js';

const typed = (value: string, type: string) => DataFactory.literal(value, DataFactory.namedNode(xsd(type)));

describe('a date of any precision', () => {
  it.each([
    ['2012', 'gYear', '2012-01-01', '2012-12-31'],
    ['2012-03', 'gYearMonth', '2012-03-01', '2012-03-31'],
    ['2012-02', 'gYearMonth', '2012-02-01', '2012-02-29'],
    ['1900-02', 'gYearMonth', '1900-02-01', '1900-02-28'],
    ['2000-02', 'gYearMonth', '2000-02-01', '2000-02-29'],
    ['2014-11', 'gYearMonth', '2014-11-01', '2014-11-30'],
    ['2014-08-12', 'date', '2014-08-12', '2014-08-12'],
    ['2014-08-12Z', 'date', '2014-08-12', '2014-08-12'],
    ['2014-08-12T23:30:00+08:00', 'dateTime', '2014-08-12', '2014-08-12'],
  ])('%s (xsd:%s) stands for %s to %s', (value, type, earliest, latest) => {
    expect(dateInterval(typed(value, type))).toEqual({ earliest, latest });
  });

  it.each([
    ['2009-13-45', 'date'],
    ['2010-02-30', 'date'],
    ['2012-13', 'gYearMonth'],
    ['12', 'gYear'],
    ['2012', 'string'],
    ['2012-03', 'gYear'],
  ])('gets no interval when ill-formed or not a date: %s (xsd:%s)', (value, type) => {
    expect(dateInterval(typed(value, type))).toBeUndefined();
  });
});
