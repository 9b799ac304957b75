// SPARQL Query Results XML Format; a cut answer carries the same head link as JSON.
import type { Term } from '@rdfjs/types';
import { sparqlResults, truncatedResultLink, xsd } from '../vocabulary/namespaces.js';
import type { QueryResult } from '../store/graph-store.js';
import { escapeXml as escape } from './escape-xml.js';
import type { SerializeContext } from './result-formats.js';

const escapeXml = (text: string): string => escape(text, 'SPARQL XML');

export function serializeSparqlXml(result: QueryResult, context: SerializeContext): string {
  const out = ['<?xml version="1.0"?>\n', `<sparql xmlns="${sparqlResults.iri}">\n`, '  <head>\n'];
  if (result.kind === 'boolean') {
    out.push('  </head>\n', `  <boolean>${result.value}</boolean>\n`, '</sparql>\n');
    return out.join('');
  }
  if (result.kind !== 'bindings') throw new TypeError('SPARQL XML serialises SELECT and ASK results only');
  for (const name of result.variables) out.push(`    <variable name="${escapeXml(name)}"/>\n`);
  if (result.truncated) out.push(`    <link href="${escapeXml(truncatedResultLink(context.baseIri))}"/>\n`);
  out.push('  </head>\n', '  <results>\n');
  for (const row of result.rows) {
    out.push('    <result>\n');
    for (const [name, term] of Object.entries(row)) {
      out.push(`      <binding name="${escapeXml(name)}">${xmlTerm(term)}</binding>\n`);
    }
    out.push('    </result>\n');
  }
  out.push('  </results>\n', '</sparql>\n');
  return out.join('');
}

function xmlTerm(term: Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return `<uri>${escapeXml(term.value)}</uri>`;
    case 'BlankNode':
      return `<bnode>${escapeXml(term.value)}</bnode>`;
    case 'Literal':
      if (term.language) return `<literal xml:lang="${escapeXml(term.language)}">${escapeXml(term.value)}</literal>`;
      if (term.datatype.value === xsd('string')) return `<literal>${escapeXml(term.value)}</literal>`;
      return `<literal datatype="${escapeXml(term.datatype.value)}">${escapeXml(term.value)}</literal>`;
    case 'Quad':
      return `<triple><subject>${xmlTerm(term.subject)}</subject><predicate>${xmlTerm(term.predicate)}</predicate><object>${xmlTerm(term.object)}</object></triple>`;
    default:
      throw new TypeError(`cannot write a ${term.termType} in a SPARQL result`);
  }
}
