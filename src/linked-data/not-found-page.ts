// The 404 page for an IRI under BASE_IRI that the graph says nothing about: what was asked and where to look instead.
import { escapeHtml } from '../http/escape-html.js';
import { htmlPage } from './html-page.js';

export function notFoundPage(iri: string, datasetVersion: string): string {
  const body = `<article>
<h1>Nothing is known about this IRI</h1>
<p class="iri">${escapeHtml(iri)}</p>
<p>The casegraph dataset (version <code>${escapeHtml(datasetVersion)}</code>) has no statement about this resource. Identifiers look like
<code>/id/person/gulmire-imin</code>, <code>/id/event/…</code>, <code>/id/source/…</code>; ontology terms live in <a href="/ontology">/ontology</a>.</p>
<p>To find a resource, try the <a href="/sparql">SPARQL editor</a>, the <a href="/api/persons">list of persons</a> or the <a href="/dumps/">downloads</a>.</p>
</article>`;
  return htmlPage({ title: 'Not found', body, datasetVersion });
}

/** The same, one line, for clients that did not ask for HTML. */
export function notFoundMessage(iri: string): string {
  return `nothing is known about ${iri} in this dataset: see /sparql, /api/persons or /dumps/\n`;
}
