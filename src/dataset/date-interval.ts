// The calendar days a stated date stands for, whatever its precision: `2012-03` is 2012-03-01 to 2012-03-31.
import type { Literal } from '@rdfjs/types';
import { xsd } from '../vocabulary/namespaces.js';

/** First and last day, as `YYYY-MM-DD` (an xsd:date without timezone). */
export interface DateInterval {
  readonly earliest: string;
  readonly latest: string;
}

const timezone = '(?:Z|[+-](?:0[0-9]|1[0-4]):[0-5][0-9])?';
const patterns: Readonly<Record<string, RegExp>> = {
  [xsd('date')]: new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})${timezone}$`),
  [xsd('dateTime')]: new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})T(?:[01][0-9]|2[0-4]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?${timezone}$`),
  [xsd('gYearMonth')]: new RegExp(`^(\\d{4})-(\\d{2})${timezone}$`),
  [xsd('gYear')]: new RegExp(`^(\\d{4})${timezone}$`),
};

/**
 * The interval of a date literal (xsd:date, xsd:dateTime, xsd:gYearMonth, xsd:gYear), or undefined for any other
 * literal or an ill-formed one (SHACL reports those; no interval is guessed for them). A timezone is dropped: the
 * day written is the day meant, and dates without a timezone compare with each other in every engine. Only
 * four-digit years: the data is about the present era, and fixed-width strings sort as the dates they are.
 */
export function dateInterval(literal: Literal): DateInterval | undefined {
  const match = patterns[literal.datatype.value]?.exec(literal.value);
  if (!match) return undefined;
  const [, year = '', month, day] = match;
  if (month === undefined) return { earliest: `${year}-01-01`, latest: `${year}-12-31` };
  const last = daysInMonth(Number(year), Number(month));
  if (last === 0) return undefined;
  if (day === undefined) return { earliest: `${year}-${month}-01`, latest: `${year}-${month}-${String(last)}` };
  if (Number(day) < 1 || Number(day) > last) return undefined;
  return { earliest: `${year}-${month}-${day}`, latest: `${year}-${month}-${day}` };
}

/** 0 for a month out of range. */
function daysInMonth(year: number, month: number): number {
  if (month < 1 || month > 12) return 0;
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
