// Renders RDF terms as HTML: every IRI a link (local ones to this server's path), every literal escaped, dates readable.
import type { Literal, Term } from '@rdfjs/types';
import { casegraphNamespaces, xsd } from '../vocabulary/namespaces.js';
import { escapeHtml } from '../http/escape-html.js';
import type { ResourceGraph } from './resource-graph.js';

/** Local IRIs (under BASE_IRI) link to the same path on this server; anything else links to itself. */
export function hrefFor(iri: string, baseIri: string): string | undefined {
  if (iri.startsWith(baseIri)) return `/${iri.slice(baseIri.length)}`;
  // A script-carrying or local scheme in the data is shown, never made a link (the page policy would block it anyway).
  return /^\s*(javascript|vbscript|data|file|blob):/i.test(iri) ? undefined : iri;
}

function anchor(iri: string, baseIri: string, attributes: string, text: string): string {
  const href = hrefFor(iri, baseIri);
  return href === undefined ? `<span${attributes}>${text}</span>` : `<a href="${escapeHtml(href)}"${attributes}>${text}</a>`;
}

/** A link to a resource, named by its stated label, or by its IRI when the graph names it nowhere. */
export async function renderLink(graph: ResourceGraph, iri: string, text?: string): Promise<string> {
  const label = text ?? (await graph.label({ termType: 'NamedNode', value: iri } as Term)) ?? compactIri(iri, graph.baseIri);
  return anchor(iri, graph.baseIri, ` title="${escapeHtml(iri)}"`, escapeHtml(label));
}

/** An IRI the graph names nowhere, shortened with the well-known prefixes (`rdf:type`, `schema:Female`). */
function compactIri(iri: string, baseIri: string): string {
  for (const [prefix, namespace] of Object.entries(casegraphNamespaces(baseIri).prefixes)) {
    const local = iri.slice(namespace.length);
    if (iri.startsWith(namespace) && /^[A-Za-z_][\w.-]*$/.test(local)) return `${prefix}:${local}`;
  }
  return iri;
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date at exactly the precision stated: "14 July 2009", "March 2012", "2012". */
export function formatDate(literal: Literal): string {
  const value = literal.value;
  let match: RegExpExecArray | null;
  if (literal.datatype.value === xsd('date') && (match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) {
    return `${Number(match[3])} ${months[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
  }
  if (literal.datatype.value === xsd('gYearMonth') && (match = /^(\d{4})-(\d{2})$/.exec(value))) {
    return `${months[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
  }
  return value;
}

export function renderDate(literal: Literal): string {
  return `<time datetime="${escapeHtml(literal.value)}">${escapeHtml(formatDate(literal))}</time>`;
}

/** Any term: IRIs as links, blank nodes as plain markers, literals as escaped text with language or datatype. */
export async function renderTerm(graph: ResourceGraph, term: Term): Promise<string> {
  if (term.termType === 'NamedNode') return renderLink(graph, term.value);
  if (term.termType === 'BlankNode') return `<span class="muted">(unnamed node)</span>`;
  if (term.termType !== 'Literal') return escapeHtml(term.value);
  const datatype = term.datatype.value;
  if (datatype === xsd('date') || datatype === xsd('gYearMonth') || datatype === xsd('gYear')) return renderDate(term);
  const text = `<span${term.language ? ` lang="${escapeHtml(term.language)}"` : ''}>${escapeHtml(term.value)}</span>`;
  if (term.language || datatype === xsd('string')) return text;
  if (datatype === xsd('boolean')) return term.value === 'true' ? 'yes' : 'no';
  if (datatype === xsd('integer')) return text;
  return `${text} <span class="muted">(${await renderLink(graph, datatype, compactDatatype(datatype))})</span>`;
}

function compactDatatype(iri: string): string {
  return iri.startsWith(xsd.iri) ? `xsd:${iri.slice(xsd.iri.length)}` : iri;
}

/** A resource's own IRI under its heading, as a link (every IRI on a page is one). */
export function renderIriLine(graph: ResourceGraph, iri: string): string {
  return `<p class="iri">${anchor(iri, graph.baseIri, '', escapeHtml(iri))}</p>`;
}

/** What a page shows where the graph has no value: never a guess. */
export const notStated = '<span class="unstated">not stated in the sources</span>';
