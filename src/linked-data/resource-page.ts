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
import { mapInOrder } from './map-in-order.js';

const { namedNode } = DataFactory;

/** Incoming links shown on a page; the rest are a SPARQL query away. */
const incomingLimit = 200;

export async function resourcePage(graph: ResourceGraph, description: ResourceDescription, alternates: readonly Alternate[]): Promise<string> {
  const notes = new SourceNotes(graph);
  const subject = namedNode(description.iri);
  const title = (await graph.label(subject)) ?? description.iri;
  let sections: string;
  if (description.kind !== 'resource') {
    // The ontology's own terms (or a document's `D#x` terms) first, each anchored by its local name.
    const namespace = description.kind === 'ontology' ? casegraphNamespaces(graph.baseIri).cg.iri : `${description.iri}#`;
    const cg = { iri: namespace };
    const subjects = [...new Map(description.triples.map((q) => [q.subject.value, q.subject])).values()];
    const own = subjects.filter((s) => s.value === description.iri || s.value.startsWith(cg.iri));
    const others = subjects.filter((s) => !own.includes(s));
    const named = [...own, ...others].filter((s) => s.termType === 'NamedNode');
    const rendered = await mapInOrder(named, async (s) => {
      const anchor = s.value.startsWith(cg.iri) ? s.value.slice(cg.iri.length) : undefined;
      const heading = `<h2${anchor ? ` id="${escapeHtml(anchor)}"` : ''}>${escapeHtml((await graph.label(s)) ?? s.value)}</h2>${renderIriLine(graph, s.value)}`;
      return `<section>${heading}${await propertyTable(
        graph,
        description.triples.filter((q) => q.subject.equals(s)),
      )}</section>`;
    });
    sections = rendered.join('\n');
  } else {
    const own = description.triples.filter((q) => q.subject.equals(subject));
    sections = `<section aria-labelledby="about-h"><h2 id="about-h">What the data says ${await notes.cite(subject)}</h2>${await propertyTable(graph, own)}</section>
${await incoming(graph, subject)}`;
  }
  const sources = notes.cited().length ? `<section aria-labelledby="sources-h"><h2 id="sources-h">Sources</h2>${await notes.render()}</section>` : '';
  const body = `<article>
<h1>${escapeHtml(title)}</h1>
${renderIriLine(graph, description.iri)}
${sections}
${sources}
</article>`;
  return htmlPage({ title, body, alternates, datasetVersion: graph.store.version });
}

/** One row per predicate (types first), values as links or escaped literals. */
async function propertyTable(graph: ResourceGraph, triples: readonly Quad[]): Promise<string> {
  const byPredicate = new Map<string, Quad[]>();
  for (const q of triples) byPredicate.set(q.predicate.value, [...(byPredicate.get(q.predicate.value) ?? []), q]);
  const predicates = [...byPredicate.keys()].sort((a, b) => (a === rdf('type') ? -1 : b === rdf('type') ? 1 : a < b ? -1 : 1));
  const rows = await mapInOrder(predicates, async (p) => {
    const values = await mapInOrder(byPredicate.get(p) ?? [], async (q) => {
      const nested = q.object.termType === 'BlankNode' ? await blankNode(graph, q.object) : await renderTerm(graph, q.object);
      return `<li>${nested}</li>`;
    });
    return `<tr><th scope="row">${await renderLink(graph, p)}</th><td><ul class="values">${values.join('')}</ul></td></tr>`;
  });
  return `<table class="properties"><tbody>${rows.join('\n')}</tbody></table>`;
}

async function blankNode(graph: ResourceGraph, node: Quad_Subject): Promise<string> {
  const inner = await mapInOrder(
    await graph.outgoing(node),
    async (q) =>
      `<li>${await renderLink(graph, q.predicate.value)}: ${q.object.termType === 'BlankNode' ? '(unnamed node)' : await renderTerm(graph, q.object)}</li>`,
  );
  return `<ul>${inner.join('')}</ul>`;
}

async function incoming(graph: ResourceGraph, subject: NamedNode): Promise<string> {
  const quads = (await graph.incoming(subject)).filter((q) => q.subject.termType === 'NamedNode');
  if (quads.length === 0) return '';
  const shown = quads.slice(0, incomingLimit);
  const items = await mapInOrder(
    shown,
    async (q) =>
      `<li>${await renderLink(graph, q.subject.value)} <span class="muted">${escapeHtml((await graph.label(q.predicate)) ?? q.predicate.value)}</span> this</li>`,
  );
  const more = quads.length > shown.length ? `<p class="muted">${quads.length - shown.length} more links: ask the SPARQL endpoint.</p>` : '';
  return `<section aria-labelledby="incoming-h"><h2 id="incoming-h">Linked from</h2><ul>${items.join('\n')}</ul>${more}</section>`;
}
