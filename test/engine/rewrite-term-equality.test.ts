import { describe, expect, it } from 'vitest';
import { trigRunner } from '../helpers/trig-runner.js';

// The minimal queries of the W3C SPARQL 1.0 open-world tests Comunica 5.4 answered wrongly (issue 15, item 3), through casegraph's runner.
const runner = trigRunner(
  `@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
:plain :p "xyz" . :en :p "xyz"@en . :int :p "xyz"^^xsd:integer . :odd :p "xyz"^^:unknown .
:d1 :r "2006-08-23"^^xsd:date . :d2 :r "2006-08-23Z"^^xsd:date . :d4 :r "2001-01-01"^^xsd:date . :d5 :r "2001-01-01Z"^^xsd:date .
:dt1 :r "2006-08-23T09:00:00+01:00"^^xsd:dateTime .`,
  { unionDefaultGraph: false },
);

/** The local names of a row's ?x… variables in name order, one line per row, sorted. */
async function subjects(where: string): Promise<string[]> {
  const records = await runner.records(`SELECT * { ${where} }`);
  return records
    .map((row) =>
      Object.keys(row)
        .filter((k) => k.startsWith('x'))
        .sort()
        .map((k) => row[k]!.slice(1))
        .join(' '),
    )
    .sort();
}

describe('= and != between two terms', () => {
  it('finds an ill-formed literal equal to itself (open-eq-07): the same term is equal', async () => {
    expect(await subjects('?x1 :p ?v1 . ?x2 :p ?v2 . FILTER(?v1 = ?v2)')).toContain('int int');
  });

  it('finds a language-tagged literal unequal to a literal of any other datatype (open-eq-08)', async () => {
    const unequal = await subjects('?x1 :p ?v1 . ?x2 :p ?v2 . FILTER(?v1 != ?v2)');
    expect(unequal).toEqual(expect.arrayContaining(['en int', 'en odd', 'en plain', 'plain en']));
    // Neither equal nor unequal: the value of an ill-formed or unknown literal is not known.
    expect(unequal).not.toContain('int plain');
    expect(unequal).not.toContain('odd plain');
  });

  it('answers every pair of the open-eq-11 disjunction that is not indeterminate', async () => {
    const either = await subjects('?x1 :p ?v1 . ?x2 :p ?v2 . FILTER(?v1 != ?v2 || ?v1 = ?v2)');
    expect(either).toEqual(['en en', 'en int', 'en odd', 'en plain', 'int en', 'int int', 'odd en', 'odd odd', 'plain en', 'plain plain']);
  });

  it('does not take a date without a timezone as one in UTC (date-1, date-2)', async () => {
    expect(await subjects('?x :r ?v . FILTER(?v = "2006-08-23"^^xsd:date)')).toEqual(['d1']);
    expect(await subjects('?x :r ?v . FILTER(?v != "2006-08-23"^^xsd:date)')).toEqual(['d4', 'd5', 'dt1']);
  });

  it('leaves equality of IRIs and of comparable values as it was', async () => {
    expect(await subjects('?x :p ?v . FILTER(?x = :en)')).toEqual(['en']);
    expect(await subjects('?x :r ?v . FILTER(?v = "2001-01-01Z"^^xsd:date)')).toEqual(['d5']);
    expect(await subjects('?x :r ?v . FILTER(?v != ?v)')).toEqual([]);
  });
});
