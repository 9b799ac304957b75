// A query's text with some variables replaced by RDF terms at the places the parser found them, for people to read and run (the editor's examples).
import { Parser } from '@traqula/parser-sparql-1-2';
import { AstFactory } from '@traqula/rules-sparql-1-2';
import type { Term } from '@rdfjs/types';
import { termToSparql } from './term-to-sparql.js';
import { treeNodes } from './tree-nodes.js';

interface VariableNode {
  readonly type?: string;
  readonly subType?: string;
  readonly value?: string;
  readonly loc?: { readonly sourceLocationType?: string; readonly start?: number; readonly end?: number };
}

/** Built on first use: building a parser records its grammar, which is costly; parsing with it is cheap. */
let parser: Parser | undefined;

/**
 * The text a person reads with `bindings` (variable name without `?` → term) written in, as Comunica's initial
 * bindings put them into the algebra: every occurrence of the variable becomes the term. Occurrences are
 * found by the parser (its source locations), so a `?name` inside a comment or a string stays as it is, and
 * comments and layout are kept. Where a term cannot stand (a projection, `AS ?v`, `VALUES ?v`, `GROUP BY ?v`),
 * the bound text would not parse: then the answer is undefined and the caller keeps the text unbound.
 */
export function bindQueryText(text: string, bindings: Readonly<Record<string, Term>>, baseIri: string): string | undefined {
  if (Object.keys(bindings).length === 0) return text;
  parser ??= new Parser({ lexerConfig: { positionTracking: 'full' } });
  const parse = (query: string) => (parser as Parser).parse(query, { baseIRI: baseIri, astFactory: new AstFactory() });
  const spans: Array<{ start: number; end: number; term: Term }> = [];
  for (const found of treeNodes(parse(text))) {
    const node = found as VariableNode;
    const term = node.type === 'term' && node.subType === 'variable' && node.value !== undefined ? bindings[node.value] : undefined;
    if (!term) continue;
    const { loc } = node;
    if (loc?.sourceLocationType !== 'source' || loc.start === undefined || loc.end === undefined) return undefined;
    if (!spans.some((span) => span.start === loc.start)) spans.push({ start: loc.start, end: loc.end, term });
  }
  let bound = text;
  for (const span of spans.sort((a, b) => b.start - a.start)) {
    bound = bound.slice(0, span.start) + termToSparql(span.term) + bound.slice(span.end);
  }
  try {
    parse(bound);
  } catch {
    return undefined;
  }
  return bound;
}
