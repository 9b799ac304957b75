// Footnote-style source numbering for a page: each claim gets the numbers of the sources that support it.
import { DataFactory } from 'n3';
import type { NamedNode, Quad_Subject } from '@rdfjs/types';
import { dct, prov, schema } from '../vocabulary/namespaces.js';
import { escapeHtml } from '../http/escape-html.js';
import { notStated, renderDate, renderLink } from './render-term.js';
import type { ResourceGraph } from './resource-graph.js';

const { namedNode } = DataFactory;

export class SourceNotes {
  private readonly numbers = new Map<string, number>();

  constructor(private readonly graph: ResourceGraph) {}

  /** `<sup>` links to the numbered sources of a node's claims (prov:wasDerivedFrom). */
  cite(subject: Quad_Subject): string {
    const sources = this.graph.iris(subject, prov('wasDerivedFrom'));
    if (sources.length === 0) return '';
    const links = sources.map((source) => {
      const n = this.number(source);
      return `<a href="#source-${n}" title="${escapeHtml(this.graph.label(source) ?? source.value)}">[${n}]</a>`;
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
  render(): string {
    const items = [...this.numbers.entries()].map(([iri, n]) => {
      const source = namedNode(iri);
      return `<li id="source-${n}" value="${n}">${this.describe(source)}</li>`;
    });
    return `<ol class="sources" id="sources">\n${items.join('\n')}\n</ol>`;
  }

  /** One source as a line: linked label, then title, publisher, date (each or "not stated"). */
  describe(source: NamedNode): string {
    const title = this.graph.literals(source, dct('title'))[0];
    const publishers = [...this.graph.iris(source, dct('publisher')), ...this.graph.iris(source, schema('publisher'))];
    const date = this.graph.literals(source, dct('date'))[0];
    const url = this.graph.iris(source, schema('url'))[0];
    return [
      renderLink(this.graph, source.value),
      `<br><span class="muted">Title:</span> ${title ? `<cite>${escapeHtml(title.value)}</cite>` : notStated}`,
      ` · <span class="muted">Publisher:</span> ${publishers.length ? publishers.map((p) => renderLink(this.graph, p.value)).join(', ') : notStated}`,
      ` · <span class="muted">Date:</span> ${date ? renderDate(date) : notStated}`,
      url ? ` · <a href="${escapeHtml(url.value)}">${escapeHtml(url.value)}</a>` : '',
    ].join('');
  }
}
