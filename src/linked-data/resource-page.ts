// The generic HTML page of any described resource (and of the ontology document, one anchored section per term).
import { DataFactory } from 'n3';
import type { NamedNode, Quad, Quad_Subject } from '@rdfjs/types';
import { casegraphNamespaces, rdf } from '../vocabulary/namespaces.js';
import type { ResourceDescription } from './describe-resource.js';
import { escapeHtml } from '../http/escape-html.js';
import { htmlPage, type Alternate } from './html-page.js';
import { renderIriLine, renderLink, renderTerm } from './render-term.js';
import type { ResourceGraph } from './resource-graph.js';
import { SourceNotes } from './source-notes.js';

const { namedNode } = DataFactory;

/** Incoming links shown on a page; the rest are a SPARQL query away. */
const incomingLimit = 200;

export function resourcePage(graph: ResourceGraph, description: ResourceDescription, alternates: readonly Alternate[]): string {
  const notes = new SourceNotes(graph);
  const subject = namedNode(description.iri);
  const title = graph.label(subject) ?? description.iri;
  let sections: string;
  if (description.kind !== 'resource') {
    // The ontology's own terms (or a document's `D#x` terms) first, each anchored by its local name.
    const namespace = description.kind === 'ontology' ? casegraphNamespaces(graph.baseIri).cg.iri : `${description.iri}#`;
    const cg = { iri: namespace };
    const subjects = [...new Map(description.triples.map((q) => [q.subject.value, q.subject])).values()];
    const own = subjects.filter((s) => s.value === description.iri || s.value.startsWith(cg.iri));
    const others = subjects.filter((s) => !own.includes(s));
    sections = [...own, ...others]
      .filter((s) => s.termType === 'NamedNode')
      .map((s) => {
        const anchor = s.value.startsWith(cg.iri) ? s.value.slice(cg.iri.length) : undefined;
        const heading = `<h2${anchor ? ` id="${escapeHtml(anchor)}"` : ''}>${escapeHtml(graph.label(s) ?? s.value)}</h2>${renderIriLine(graph, s.value)}`;
        return `<section>${heading}${propertyTable(
          graph,
          description.triples.filter((q) => q.subject.equals(s)),
        )}</section>`;
      })
      .join('\n');
  } else {
    const own = description.triples.filter((q) => q.subject.equals(subject));
    sections = `<section aria-labelledby="about-h"><h2 id="about-h">What the data says ${notes.cite(subject)}</h2>${propertyTable(graph, own)}</section>
${incoming(graph, subject)}`;
  }
  const sources = notes.cited().length ? `<section aria-labelledby="sources-h"><h2 id="sources-h">Sources</h2>${notes.render()}</section>` : '';
  const body = `<article>
<h1>${escapeHtml(title)}</h1>
${renderIriLine(graph, description.iri)}
${sections}
${sources}
</article>`;
  return htmlPage({ title, body, alternates, datasetVersion: graph.store.version });
}

/** One row per predicate (types first), values as links or escaped literals. */
function propertyTable(graph: ResourceGraph, triples: readonly Quad[]): string {
  const byPredicate = new Map<string, Quad[]>();
  for (const q of triples) byPredicate.set(q.predicate.value, [...(byPredicate.get(q.predicate.value) ?? []), q]);
  const predicates = [...byPredicate.keys()].sort((a, b) => (a === rdf('type') ? -1 : b === rdf('type') ? 1 : a < b ? -1 : 1));
  const rows = predicates.map((p) => {
    const values = (byPredicate.get(p) ?? []).map((q) => {
      const nested = q.object.termType === 'BlankNode' ? blankNode(graph, q.object) : renderTerm(graph, q.object);
      return `<li>${nested}</li>`;
    });
    return `<tr><th scope="row">${renderLink(graph, p)}</th><td><ul class="values">${values.join('')}</ul></td></tr>`;
  });
  return `<table class="properties"><tbody>${rows.join('\n')}</tbody></table>`;
}

function blankNode(graph: ResourceGraph, node: Quad_Subject): string {
  const inner = graph
    .outgoing(node)
    .map((q) => `<li>${renderLink(graph, q.predicate.value)}: ${q.object.termType === 'BlankNode' ? '(unnamed node)' : renderTerm(graph, q.object)}</li>`);
  return `<ul>${inner.join('')}</ul>`;
}

function incoming(graph: ResourceGraph, subject: NamedNode): string {
  const quads = graph.incoming(subject).filter((q) => q.subject.termType === 'NamedNode');
  if (quads.length === 0) return '';
  const shown = quads.slice(0, incomingLimit);
  const items = shown.map(
    (q) => `<li>${renderLink(graph, q.subject.value)} <span class="muted">${escapeHtml(graph.label(q.predicate) ?? q.predicate.value)}</span> this</li>`,
  );
  const more = quads.length > shown.length ? `<p class="muted">${quads.length - shown.length} more links: ask the SPARQL endpoint.</p>` : '';
  return `<section aria-labelledby="incoming-h"><h2 id="incoming-h">Linked from</h2><ul>${items.join('\n')}</ul>${more}</section>`;
}
