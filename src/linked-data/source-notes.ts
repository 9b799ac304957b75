// Footnote-style source numbering for a page: each claim gets the numbers of the sources that support it.
import { DataFactory } from 'n3';
import type { NamedNode, Quad_Subject } from '@rdfjs/types';
import { dct, prov, schema } from '../vocabulary/namespaces.js';
import { escapeHtml } from '../http/escape-html.js';
import { notStated, renderDate, renderLink } from './render-term.js';
import type { ResourceGraph } from './resource-graph.js';
import { mapInOrder } from './map-in-order.js';

const { namedNode } = DataFactory;

export class SourceNotes {
  private readonly numbers = new Map<string, number>();

  constructor(private readonly graph: ResourceGraph) {}

  /** `<sup>` links to the numbered sources of a node's claims (prov:wasDerivedFrom). */
  async cite(subject: Quad_Subject): Promise<string> {
    const sources = await this.graph.iris(subject, prov('wasDerivedFrom'));
    if (sources.length === 0) return '';
    const links = await mapInOrder(sources, async (source) => {
      const n = this.number(source);
      return `<a href="#source-${n}" title="${escapeHtml((await this.graph.label(source)) ?? source.value)}">[${n}]</a>`;
    });
    return `<sup class="cite">${links.join('')}</sup>`;
  }

  number(source: NamedNode): number {
    let n = this.numbers.get(source.value);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(source.value, n);
    }
    return n;
  }

  /** The sources cited so far, in number order. */
  cited(): NamedNode[] {
    return [...this.numbers.keys()].map((iri) => namedNode(iri));
  }

  /** The numbered list of every source cited so far, with title, publisher and date as the data gives them. */
  async render(): Promise<string> {
    const items = await mapInOrder(
      [...this.numbers.entries()],
      async ([iri, n]) => `<li id="source-${n}" value="${n}">${await this.describe(namedNode(iri))}</li>`,
    );
    return `<ol class="sources" id="sources">\n${items.join('\n')}\n</ol>`;
  }

  /** One source as a line: linked label, then title, publisher, date (each or "not stated"). */
  async describe(source: NamedNode): Promise<string> {
    const title = (await this.graph.literals(source, dct('title')))[0];
    const publishers = [...(await this.graph.iris(source, dct('publisher'))), ...(await this.graph.iris(source, schema('publisher')))];
    const date = (await this.graph.literals(source, dct('date')))[0];
    const url = (await this.graph.iris(source, schema('url')))[0];
    const publisherLinks = await mapInOrder(publishers, (p) => renderLink(this.graph, p.value));
    return [
      await renderLink(this.graph, source.value),
      `<br><span class="muted">Title:</span> ${title ? `<cite>${escapeHtml(title.value)}</cite>` : notStated}`,
      ` · <span class="muted">Publisher:</span> ${publishers.length ? publisherLinks.join(', ') : notStated}`,
      ` · <span class="muted">Date:</span> ${date ? renderDate(date) : notStated}`,
      url ? ` · <a href="${escapeHtml(url.value)}">${escapeHtml(url.value)}</a>` : '',
    ].join('');
  }
}
