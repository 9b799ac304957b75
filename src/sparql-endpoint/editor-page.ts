// The HTML page of the browser SPARQL editor: YASGUI from our own assets, with the example queries in a menu.
import { escapeHtml } from '../http/escape-html.js';

/** One entry of the examples menu. */
export interface EditorExample {
  /** Path relative to the project root, shown as the entry's tooltip. */
  readonly file: string;
  /** The menu label (the query file's grlc summary). */
  readonly summary: string;
  readonly query: string;
}

export const editorAssetPrefix = '/assets/';

/** JSON inside a <script> data block: `<` escaped so no `</script>` in a query can end the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function editorPage(examples: readonly EditorExample[], datasetVersion: string): string {
  const options = examples
    .map((example, index) => `<option value="${index}" title="${escapeHtml(example.file)}">${escapeHtml(example.summary)}</option>`)
    .join('');
  const menuData = examples.map(({ file, summary, query }) => ({ file, summary, query }));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>casegraph SPARQL editor</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${editorAssetPrefix}yasgui/yasgui.min.css">
<link rel="stylesheet" href="${editorAssetPrefix}sparql-editor.css">
</head>
<body>
<header class="casegraph-header">
<h1>casegraph SPARQL endpoint</h1>
<label for="examples">Example queries</label>
<select id="examples"><option value="" selected disabled>Choose an example…</option>${options}</select>
<span class="casegraph-version">dataset ${escapeHtml(datasetVersion)}</span>
</header>
<main id="yasgui"></main>
<script type="application/json" id="example-queries">${scriptJson(menuData)}</script>
<script src="${editorAssetPrefix}yasgui/yasgui.min.js"></script>
<script src="${editorAssetPrefix}sparql-editor.js"></script>
</body>
</html>
`;
}
