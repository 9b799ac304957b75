// The data dictionary: an HTML page written from the tables' CSVW metadata, so the two can never say different things.
import { escapeHtml } from '../http/escape-html.js';
import { relativeNamespaces } from '../vocabulary/namespaces.js';
import { csvFile, metadataSuffix } from './table-metadata.js';

interface MetadataColumn {
  readonly name: string;
  readonly 'dc:description': string;
  readonly datatype: string;
  readonly lang?: string;
  readonly propertyUrl?: string;
  readonly valueUrl?: string;
  readonly suppressOutput?: boolean;
}

interface MetadataForeignKey {
  readonly columnReference: string;
  readonly reference: { readonly resource: string; readonly columnReference: string };
}

interface TableMetadataView {
  readonly url: string;
  readonly 'dc:title': string;
  readonly 'dc:description': string;
  readonly tableSchema: {
    readonly primaryKey?: string;
    readonly columns: readonly MetadataColumn[];
    readonly foreignKeys?: readonly MetadataForeignKey[];
  };
}

const style = `
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1d2330; }
main { max-width: 70rem; margin: 0 auto; padding: 1rem; }
h2 { margin-top: 2rem; border-bottom: 2px solid #d5dae3; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #d5dae3; }
code { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
.muted { color: #5b6474; }`;

/** `metadata` is what tableMetadata returns, one document per table, in the index's order. */
export function dataDictionary(metadata: ReadonlyArray<Record<string, unknown>>, datasetVersion: string): string {
  const tables = (metadata as unknown as readonly TableMetadataView[]).map((table) => {
    const keys = new Map((table.tableSchema.foreignKeys ?? []).map((k) => [k.columnReference, k.reference.resource]));
    const rows = table.tableSchema.columns.map((c) => {
      const refersTo = keys.get(c.name);
      const rdf = c.suppressOutput
        ? '<span class="muted">not a statement about the row</span>'
        : `<code>${escapeHtml(c.propertyUrl ?? '')}</code>${c.valueUrl === undefined ? '' : ' (an IRI)'}`;
      return `<tr><th scope="row"><code>${escapeHtml(c.name)}</code></th><td>${escapeHtml(c.datatype)}${c.lang === undefined ? '' : `, <span class="muted">language ${escapeHtml(c.lang)}</span>`}</td><td>${escapeHtml(c['dc:description'])}${refersTo === undefined ? '' : `<br><span class="muted">refers to</span> <a href="#${escapeHtml(refersTo)}">${escapeHtml(refersTo)}</a>`}</td><td>${rdf}</td></tr>`;
    });
    const key = table.tableSchema.primaryKey === undefined ? 'a long table: several rows per subject' : 'one row per subject';
    return `<section id="${escapeHtml(table.url)}"><h2>${escapeHtml(table['dc:title'])}: <a href="${escapeHtml(table.url)}"><code>${escapeHtml(table.url)}</code></a></h2>
<p>${escapeHtml(table['dc:description'])} (${escapeHtml(key)}). Metadata: <a href="${escapeHtml(table.url + metadataSuffix)}"><code>${escapeHtml(table.url + metadataSuffix)}</code></a>.</p>
<table><thead><tr><th>Column</th><th>Datatype</th><th>Meaning</th><th>RDF property</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></section>`;
  });
  const list = (metadata as unknown as readonly TableMetadataView[]).map((t) => `<li><a href="#${escapeHtml(t.url)}">${escapeHtml(t['dc:title'])}</a></li>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Data dictionary · casegraph</title>
<link rel="icon" href="data:,">
<style>${style}</style>
</head>
<body>
<main>
<h1>Data dictionary</h1>
<p>The tidy tables of casegraph: one row per thing and one value per cell, the short <code>id</code> first and the full <code>iri</code> beside it, a <code>_label</code> column beside every column of IRIs, dates as ISO text with a <code>_precision</code> column. Every table has W3C CSV on the Web metadata (the link beside it), which a CSVW converter reads to turn the table back into the graph's triples. Dataset version <code>${escapeHtml(datasetVersion)}</code>. Data under CC BY 4.0; excerpts are quotations of their sources and are not.</p>
<p>The same files are in the <a href="/${relativeNamespaces.dumps}">downloads</a>. Example: <a href="${escapeHtml(csvFile('persons'))}"><code>persons.csv</code></a>.</p>
<ul>
${list.join('\n')}
</ul>
${tables.join('\n')}
</main>
</body>
</html>
`;
}
