// CONSTRUCT/DESCRIBE answers as RDF/XML (what SPARQLWrapper asks for by default): one rdf:Description per subject.
import type { Quad_Object, Quad_Subject } from '@rdfjs/types';
import { NotAcceptableError } from '../errors/casegraph-error.js';
import type { QueryResult } from '../store/graph-store.js';
import { rdf, xsd } from '../vocabulary/namespaces.js';
import { escapeXml } from './escape-xml.js';
import type { SerializeContext } from './result-formats.js';

const format = 'RDF/XML';
// XML 1.0 (fifth edition) NameStartChar and NameChar, less ':' (an NCName): RDF/XML writes a predicate as prefix:local.
const nameStart =
  'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const nameRest = `${nameStart}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
/** The last run of name characters that starts with a NameStartChar. */
// eslint-disable-next-line no-misleading-character-class -- XML's NameChar ranges include the combining marks U+0300–U+036F on purpose
const localName = new RegExp(`[${nameStart}][${nameRest}]*$`, 'u');
/** RDF/XML's own syntax names cannot be property elements, and rdf:li would be read back as rdf:_1, rdf:_2, … */
const notProperties = new Set([
  'RDF',
  'ID',
  'about',
  'parseType',
  'resource',
  'nodeID',
  'datatype',
  'Description',
  'aboutEach',
  'aboutEachPrefix',
  'bagID',
  'li',
]);
/** Namespaces no prefix may be bound to. */
const reservedNamespaces = new Set(['http://www.w3.org/2000/xmlns/', 'http://www.w3.org/XML/1998/namespace']);

export function serializeRdfXml(result: QueryResult, context: SerializeContext): string {
  if (result.kind !== 'quads') throw new TypeError('RDF/XML serialises CONSTRUCT and DESCRIBE results only');
  const namespaces = new Map<string, string>([[rdf.iri, 'rdf']]);
  const known = new Map(Object.entries(context.prefixes).map(([prefix, iri]) => [iri, prefix]));
  const qname = (iri: string): string => {
    const local = localName.exec(iri)?.[0];
    const ns = local ? iri.slice(0, iri.length - local.length) : '';
    if (!local || ns === '' || reservedNamespaces.has(ns) || (ns === rdf.iri && notProperties.has(local))) {
      throw new NotAcceptableError(`the predicate <${iri}> has no XML name, so ${format} cannot write it: ask for Turtle or N-Triples`);
    }
    let prefix = namespaces.get(ns);
    if (!prefix) {
      const wanted = known.get(ns);
      const taken = new Set(namespaces.values());
      prefix = wanted && /^[A-Za-z_][\w.-]*$/.test(wanted) && !taken.has(wanted) && !/^xml/i.test(wanted) ? wanted : undefined;
      for (let n = namespaces.size; !prefix; n++) if (!taken.has(`ns${n}`)) prefix = `ns${n}`;
      namespaces.set(ns, prefix);
    }
    return `${prefix}:${local}`;
  };
  // Blank node labels become rdf:nodeID values, which must be XML names: number them in order of appearance.
  const nodeIds = new Map<string, string>();
  const nodeId = (label: string): string => {
    let id = nodeIds.get(label);
    if (!id) nodeIds.set(label, (id = `b${nodeIds.size}`));
    return id;
  };
  const subjectAttribute = (subject: Quad_Subject): string => {
    if (subject.termType === 'NamedNode') return `rdf:about="${escapeXml(subject.value, format)}"`;
    if (subject.termType === 'BlankNode') return `rdf:nodeID="${nodeId(subject.value)}"`;
    throw new NotAcceptableError(
      `${format} cannot write a ${subject.termType === 'Quad' ? 'quoted triple' : subject.termType} as a subject: ask for N-Triples`,
    );
  };
  const property = (predicate: string, object: Quad_Object): string => {
    const name = qname(predicate);
    switch (object.termType) {
      case 'NamedNode':
        return `<${name} rdf:resource="${escapeXml(object.value, format)}"/>`;
      case 'BlankNode':
        return `<${name} rdf:nodeID="${nodeId(object.value)}"/>`;
      case 'Literal': {
        const text = escapeXml(object.value, format);
        if (object.language) return `<${name} xml:lang="${escapeXml(object.language, format)}">${text}</${name}>`;
        if (object.datatype.value === xsd('string')) return `<${name}>${text}</${name}>`;
        return `<${name} rdf:datatype="${escapeXml(object.datatype.value, format)}">${text}</${name}>`;
      }
      default:
        throw new NotAcceptableError(`${format} cannot write a ${object.termType} object: ask for N-Triples`);
    }
  };

  const bySubject = new Map<string, { subject: Quad_Subject; lines: string[] }>();
  for (const quad of result.quads) {
    if (quad.graph.termType !== 'DefaultGraph') throw new NotAcceptableError(`${format} holds one graph, not named graphs: ask for TriG or N-Quads`);
    const key = `${quad.subject.termType}:${quad.subject.value}`;
    const entry = bySubject.get(key) ?? { subject: quad.subject, lines: [] };
    entry.lines.push(`    ${property(quad.predicate.value, quad.object)}\n`);
    bySubject.set(key, entry);
  }
  const body: string[] = [];
  for (const { subject, lines } of bySubject.values()) {
    body.push(`  <rdf:Description ${subjectAttribute(subject)}>\n`, ...lines, '  </rdf:Description>\n');
  }
  const declarations = [...namespaces.entries()].map(([ns, prefix]) => `\n    xmlns:${prefix}="${escapeXml(ns, format)}"`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${declarations}>\n${body.join('')}</rdf:RDF>\n`;
}
