// Test helper: casegraph's query runner over a small TriG dataset under http://example/, its answers with `:name` for IRIs there.
import { Parser, Store } from 'n3';
import { decodeResult } from '../../src/engine/decode-result.js';
import { QueryRunner } from '../../src/engine/query-runner.js';

export const exampleBase = 'http://example/';
const prefixes = `PREFIX : <${exampleBase}> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> `;

export interface TrigRunner {
  /** A SELECT's rows, each as its bound variables (`:name` for IRIs under the base), in the answer's order. */
  records(query: string): Promise<Array<Record<string, string>>>;
  /** A SELECT's rows, each as its values in projection order joined by spaces (`-` unbound), sorted. */
  lines(query: string): Promise<string[]>;
}

/** `:` and `xsd:` are declared for every query; the default graph is the union of the named graphs unless told otherwise. */
export function trigRunner(trig: string, options: { readonly unionDefaultGraph?: boolean } = {}): TrigRunner {
  const quads = new Parser({ format: 'application/trig', baseIRI: exampleBase }).parse(`@prefix : <${exampleBase}> .\n${trig}`);
  const runner = new QueryRunner(new Store(quads), exampleBase, options);
  const short = (value: string) => (value.startsWith(exampleBase) ? `:${value.slice(exampleBase.length)}` : value);
  const select = async (query: string) => {
    const result = decodeResult(await runner.run({ query: prefixes + query, maxResults: 1000 }));
    if (result.kind !== 'bindings') throw new Error(`expected bindings, got ${result.kind}`);
    return result;
  };
  return {
    async records(query) {
      const result = await select(query);
      return result.rows.map((row) => Object.fromEntries(Object.entries(row).map(([name, term]) => [name, short(term.value)])));
    },
    async lines(query) {
      const result = await select(query);
      return result.rows.map((row) => result.variables.map((name) => (row[name] ? short(row[name].value) : '-')).join(' ')).sort();
    },
  };
}
