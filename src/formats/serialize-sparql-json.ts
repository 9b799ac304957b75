// SPARQL 1.1 Query Results JSON: standard members only; a cut answer says so in head.link.
import type { Term } from '@rdfjs/types';
import { truncatedResultLink, xsd } from '../vocabulary/namespaces.js';
import type { QueryResult } from '../store/graph-store.js';
import type { SerializeContext } from './result-formats.js';

type JsonTerm = Record<string, unknown>;

export function serializeSparqlJson(result: QueryResult, context: SerializeContext): string {
  if (result.kind === 'boolean') return JSON.stringify({ head: {}, boolean: result.value });
  if (result.kind !== 'bindings') throw new TypeError('SPARQL JSON serialises SELECT and ASK results only');
  const head: { vars: string[]; link?: string[] } = { vars: [...result.variables] };
  if (result.truncated) head.link = [truncatedResultLink(context.baseIri)];
  const bindings = result.rows.map((row) => {
    const out: Record<string, JsonTerm> = {};
    for (const [name, term] of Object.entries(row)) out[name] = jsonTerm(term);
    return out;
  });
  return JSON.stringify({ head, results: { bindings } });
}

function jsonTerm(term: Term): JsonTerm {
  switch (term.termType) {
    case 'NamedNode':
      return { type: 'uri', value: term.value };
    case 'BlankNode':
      return { type: 'bnode', value: term.value };
    case 'Literal':
      if (term.language) return { type: 'literal', value: term.value, 'xml:lang': term.language };
      if (term.datatype.value === xsd('string')) return { type: 'literal', value: term.value };
      return { type: 'literal', value: term.value, datatype: term.datatype.value };
    case 'Quad':
      // SPARQL 1.2 (RDF-star) triple terms.
      return {
        type: 'triple',
        value: { subject: jsonTerm(term.subject), predicate: jsonTerm(term.predicate), object: jsonTerm(term.object) },
      };
    default:
      throw new TypeError(`cannot write a ${term.termType} in a SPARQL result`);
  }
}
