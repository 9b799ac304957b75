// The shell of every linked-data HTML page: one inline stylesheet, no script, alternates linked in head and footer.
import { escapeHtml } from '../http/escape-html.js';

export interface Alternate {
  readonly href: string;
  readonly mediaType: string;
  readonly label: string;
}

export interface HtmlPageOptions {
  readonly title: string;
  /** Already-escaped HTML. */
  readonly body: string;
  readonly alternates?: readonly Alternate[];
  readonly datasetVersion: string;
}

/** Pages never need JavaScript; the policy forbids it outright, so injected markup could not run either. */
export const pageSecurityPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const style = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6474; --line: #d5dae3; --accent: #8a1c2b; --paper: #fff; --tint: #f5f6f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); }
header.site, footer.site { background: var(--tint); border-bottom: 1px solid var(--line); padding: .6rem 1rem; font-size: .9rem; }
footer.site { border-top: 1px solid var(--line); border-bottom: 0; margin-top: 3rem; color: var(--muted); }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: .8rem 0 .3rem; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
a { color: #1a4d8f; overflow-wrap: anywhere; }
.iri { font: .85rem/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; color: var(--muted); overflow-wrap: anywhere; }
.muted, .unstated { color: var(--muted); }
.unstated { font-style: italic; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
sup.cite a { text-decoration: none; font-size: .75rem; padding: 0 .1rem; }
ol.timeline { list-style: none; padding: 0; margin: 1rem 0; border-left: 3px solid var(--accent); }
ol.timeline > li { position: relative; padding: 0 0 1.2rem 1.4rem; }
ol.timeline > li::before { content: ""; position: absolute; left: -.6rem; top: .35rem; width: .9rem; height: .9rem; border-radius: 50%; background: var(--accent); border: 2px solid var(--paper); }
ol.timeline > li.ordered::before, ol.timeline > li.undated::before { background: var(--paper); border: 2px solid var(--accent); }
ol.timeline .when { display: block; font-weight: 700; }
ol.timeline .what { font-size: 1.05rem; }
ol.timeline .kind { display: inline-block; font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; background: var(--tint); border: 1px solid var(--line); border-radius: .2rem; padding: 0 .3rem; margin-right: .3rem; }
blockquote { margin: .4rem 0; padding: .2rem .8rem; border-left: 3px solid var(--line); color: #333; }
details summary { cursor: pointer; color: var(--muted); font-size: .9rem; }
table.properties { border-collapse: collapse; width: 100%; }
table.properties th, table.properties td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
table.properties th { width: 30%; font-weight: 600; }
ol.sources > li { margin-bottom: .5rem; }
nav.formats a { margin-right: .8rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  h1 { font-size: 1.5rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: .4rem; }
  table.properties th, table.properties td { display: block; width: 100%; border: 0; padding: .15rem 0; }
  table.properties tr { display: block; border-bottom: 1px solid var(--line); padding: .3rem 0; }
}`;

export function htmlPage(options: HtmlPageOptions): string {
  const alternates = options.alternates ?? [];
  const head = alternates.map((a) => `<link rel="alternate" type="${escapeHtml(a.mediaType)}" href="${escapeHtml(a.href)}">`).join('\n');
  const formats = alternates.length
    ? `<nav class="formats" aria-label="Other formats">This page as data: ${alternates
        .map((a) => `<a href="${escapeHtml(a.href)}" type="${escapeHtml(a.mediaType)}">${escapeHtml(a.label)}</a>`)
        .join(' ')}</nav>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} · casegraph</title>
<link rel="icon" href="data:,">
${head}
<style>${style}</style>
</head>
<body>
<header class="site"><a href="/"><strong>casegraph</strong></a> · <a href="/sparql">SPARQL</a> · <a href="/dumps/">downloads</a> · <a href="/docs">API docs</a> · <a href="/.well-known/void">dataset description</a></header>
<main>
${options.body}
</main>
<footer class="site">${formats}<p>Dataset version <code>${escapeHtml(options.datasetVersion)}</code>. Data under CC BY 4.0; every statement names its source.</p></footer>
</body>
</html>
`;
}
