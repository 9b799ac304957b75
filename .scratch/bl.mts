import core from '@citation-js/core';
import '@citation-js/plugin-bibtex';
const { Cite } = core;
const items = [
 { id: 'a', 'citation-key': 'a', type: 'document', title: 'New study: Activists', publisher: 'Ars Technica', issued: { 'date-parts': [[2014, 8, 12]] }, URL: 'http://x.test/a' },
 { id: 'b', 'citation-key': 'b', type: 'document', title: 'The July 5 Riot from Start Part 1', 'container-title': 'The July 5 Riot from Start' },
];
const out = new Cite(items).format('biblatex', { format: 'text' });
console.log(out);
console.log(JSON.stringify(new Cite(out).data.map(({_graph, ...r}) => r), null, 1));
