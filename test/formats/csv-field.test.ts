import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/formats/csv-field.js';

describe('a CSV cell that a spreadsheet would run as a formula', () => {
  it.each(['=1+2', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://example.org/x","y")'])(
    '%j gets a leading quote mark, so it stays text',
    (value) => {
      const field = csvField(value);
      const unquoted = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
      expect(unquoted).toBe(`'${value}`);
    },
  );
});

describe('an ordinary CSV cell', () => {
  it.each(['Gulmire Imin', '2012-03', 'a=b', "'already"])('%j is written as it is', (value) => {
    expect(csvField(value)).toBe(value);
  });

  it.each(['-3', '+4', '-0.5', '1e-3', '-2E+10'])('a plain number %j keeps its sign', (value) => {
    expect(csvField(value)).toBe(value);
  });

  it('is quoted when it holds a comma, a quote or a line break, inner quotes doubled (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});
