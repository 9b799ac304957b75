// Quads as expanded JSON-LD, with canonical xsd:boolean and xsd:integer literals as native JSON values.
import jsonld from 'jsonld';
import type { Quad } from '@rdfjs/types';
import { xsd } from '../vocabulary/namespaces.js';

type Expanded = Record<string, unknown>;

/**
 * jsonld.js's own `useNativeTypes` also gives every plain string an explicit `xsd:string` type (it follows the
 * spec text that w3c/json-ld-api#670 reports), so strings would compact to `{"@value", "type": "xsd:string"}`.
 * Instead, literals are converted plainly and only canonical booleans and safe integers become native: a
 * non-canonical form ("1"^^xsd:boolean, "007"^^xsd:integer) stays a typed value, so the RDF round trip is exact.
 * Value order follows the quads' order (jsonld.js keeps it), which is how documents list events in timeline order.
 */
export async function expandQuads(quads: readonly Quad[]): Promise<Expanded[]> {
  // jsonld.js reads RDF/JS quads as its dataset form (termType, value, datatype, language).
  const expanded = (await jsonld.fromRDF(quads)) as Expanded[];
  expanded.forEach(nativeLiterals);
  return expanded;
}

function nativeLiterals(node: Expanded): void {
  for (const [key, values] of Object.entries(node)) {
    if (!Array.isArray(values) || key === '@type') continue;
    for (const value of values as unknown[]) {
      if (typeof value !== 'object' || value === null) continue;
      // Expanded JSON-LD holds objects here, but the loop checks rather than trusts that.
      if ('@value' in value) nativeLiteral(value);
      else if ('@list' in value)
        (value['@list'] as unknown[]).forEach((item) => typeof item === 'object' && item !== null && '@value' in item && nativeLiteral(item));
      else nativeLiterals(value as Expanded);
    }
  }
}

function nativeLiteral(value: Expanded): void {
  const lexical = value['@value'];
  if (typeof lexical !== 'string') return;
  if (value['@type'] === xsd('boolean') && (lexical === 'true' || lexical === 'false')) {
    value['@value'] = lexical === 'true';
    delete value['@type'];
  } else if (value['@type'] === xsd('integer') && /^(0|-?[1-9][0-9]*)$/.test(lexical) && Number.isSafeInteger(Number(lexical))) {
    value['@value'] = Number(lexical);
    delete value['@type'];
  }
}
