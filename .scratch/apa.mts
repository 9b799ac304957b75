import core from '@citation-js/core';
import '@citation-js/plugin-csl';
import { parse } from '@retorquere/bibtex-parser';
const { Cite } = core;
for (const type of ['document', 'webpage', 'post', 'report', 'article']) {
  const items = [
   { id: 'a', type, title: 'New study: Activists', publisher: 'Ars Technica', issued: { 'date-parts': [[2014, 8, 12]] }, URL: 'http://x.test/a' },
   { id: 'c', type, title: 'Month only', publisher: 'Ars Technica', issued: { 'date-parts': [[2014, 8]] } },
   { id: 'b', type, title: 'The July 5 Riot from Start Part 1', 'container-title': 'The July 5 Riot from Start' },
  ];
  console.log(type, '\n', new Cite(items).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }));
}
const bib = parse(`@misc{k,
  title = {The July 5 {UHRP} \\& Riot: China’s [x]},
  organization = {Ars Technica},
  howpublished = {The July 5 Riot from Start},
  date = {2014-08-12},
  url = {http://x.test/a_b%20c},
  note = {Title not stated; bracketed}
}`);
console.log(JSON.stringify(bib, null, 1));
