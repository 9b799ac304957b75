// The HTML page of a person: who they are, a timeline of their case, charges, sentence, place held, UN findings, sources.
import type { NamedNode, Quad_Subject } from '@rdfjs/types';
import { casegraphNamespaces, dct, owl, rdf, schema, skos } from '../vocabulary/namespaces.js';
import { escapeHtml } from '../http/escape-html.js';
import { htmlPage, type Alternate } from './html-page.js';
import { orderTimeline, type TimelineEntry } from './order-timeline.js';
import { notStated, renderDate, renderIriLine, renderLink, renderTerm } from './render-term.js';
import type { ResourceGraph } from './resource-graph.js';
import { SourceNotes } from './source-notes.js';
import { filterInOrder, mapInOrder } from './map-in-order.js';

export interface PersonPageOptions {
  readonly alternates: readonly Alternate[];
  /** Links to the person's JSON documents and the claims/citations/communication API. */
  readonly apiLinks: ReadonlyArray<{ readonly href: string; readonly label: string }>;
}

export async function personPage(graph: ResourceGraph, person: NamedNode, options: PersonPageOptions): Promise<string> {
  const cg = casegraphNamespaces(graph.baseIri).cg;
  const notes = new SourceNotes(graph);
  const name = (await graph.label(person)) ?? person.value;
  const link = (node: NamedNode): Promise<string> => renderLink(graph, node.value);
  const links = async (nodes: readonly NamedNode[]): Promise<string> => (nodes.length ? (await mapInOrder(nodes, link)).join(', ') : notStated);
  const literalsOf = async (subject: Quad_Subject, predicate: string): Promise<string> => {
    const values = await graph.literals(subject, predicate);
    return values.length ? (await mapInOrder(values, (l) => renderTerm(graph, l))).join(', ') : notStated;
  };
  const namedOfClass = (candidates: readonly Quad_Subject[], classIri: string): Promise<NamedNode[]> =>
    filterInOrder<Quad_Subject, NamedNode>(candidates, async (s) => s.termType === 'NamedNode' && (await graph.isA(s, classIri)));
  const irisOfAll = async (subjects: readonly NamedNode[], predicate: string): Promise<NamedNode[]> =>
    (await mapInOrder(subjects, (c) => graph.iris(c, predicate))).flat();

  const concerned = await graph.subjects(cg('concernsPerson'), person);
  const cases = await namedOfClass(concerned, cg('Case'));
  const concerning = await namedOfClass(concerned, cg('Event'));
  const caseEvents = await irisOfAll(cases, cg('hasEvent'));
  const contexts = await irisOfAll(cases, cg('context'));
  const contextEvents = new Set(contexts.map((e) => e.value));
  const events = [...caseEvents, ...concerning, ...contexts];
  const timeline = await orderTimeline(graph, events);

  // Who they are.
  const sameAs = await graph.iris(person, owl('sameAs'));
  const who = `<section id="who" aria-labelledby="who-h">
<h2 id="who-h">Who ${escapeHtml(name)} is</h2>
<dl class="facts">
<dt>Name</dt><dd>${await literalsOf(person, schema('name'))} ${await notes.cite(person)}</dd>
<dt>Age</dt><dd>${await ageText(graph, person, cg('statedAge'))}</dd>
<dt>Gender</dt><dd>${await links(await graph.iris(person, schema('gender')))}</dd>
<dt>Ethnicity</dt><dd>${await literalsOf(person, cg('ethnicity'))}</dd>
<dt>Spouse</dt><dd>${await spouses(graph, person, notes)}</dd>
${sameAs.length ? `<dt>Same as</dt><dd>${await links(sameAs)}</dd>` : ''}
</dl>
${await excerpts(graph, person, cg('excerpt'))}
</section>`;

  const timelineHtml = `<section id="timeline" aria-labelledby="timeline-h">
<h2 id="timeline-h">Timeline</h2>
<p class="muted">Filled markers have a date stated by the sources. Hollow markers have none: they are placed only by the order the sources state, or listed as undated.</p>
<ol class="timeline" data-events="${timeline.length}">
${(await mapInOrder(timeline, (entry, i) => timelineItem(graph, entry, notes, contextEvents.has(entry.event.value), sameDay(entry, timeline[i - 1])))).join('\n')}
</ol>
</section>`;

  const caseSections = await mapInOrder(cases, async (c) => {
    const sentencings = await filterInOrder(caseEvents, (e) => graph.isA(e, cg('Sentencing')));
    const sentencingDates: string[] = [];
    for (const e of sentencings) for (const d of await graph.literals(e, dct('date'))) sentencingDates.push(`${renderDate(d)} ${await notes.cite(e)}`);
    const held = await graph.iris(c, cg('heldAt'));
    const punishedBy = await graph.iris(c, cg('punishedBy'));
    const reasons = await graph.literals(c, cg('reason'));
    // The source's account of the punishment, in its words; kept apart from who sentenced (which it does not say).
    const account =
      punishedBy.length || reasons.length
        ? `<dt>The source’s account</dt><dd>punished${punishedBy.length ? ` by ${await links(punishedBy)}` : ''}${reasons.length ? ` ${(await mapInOrder(reasons, (r) => renderTerm(graph, r))).join('; ')}` : ''} ${await notes.cite(c)}</dd>\n`
        : '';
    return `<section id="charges" aria-labelledby="charges-h">
<h2 id="charges-h">Charges and sentence</h2>
<p>Case: ${await link(c)} ${await notes.cite(c)}</p>
<dl class="facts">
<dt>Charges</dt><dd>${await conceptList(graph, await graph.iris(c, cg('charge')), notes)}</dd>
<dt>Sentence</dt><dd>${await conceptList(graph, await graph.iris(c, cg('sentenceType')), notes)}</dd>
<dt>Sentenced on</dt><dd>${sentencingDates.length ? sentencingDates.join(', ') : notStated}</dd>
${account}</dl>
</section>
<section id="held" aria-labelledby="held-h">
<h2 id="held-h">Where ${escapeHtml(name)} is held</h2>
<p>${held.length ? (await mapInOrder(held, async (place) => `${await link(place)}${await containedIn(graph, place)} ${await notes.cite(c)}`)).join('<br>') : notStated}</p>
</section>`;
  });

  const opinions = await filterInOrder(
    timeline.map((e) => e.event),
    (e) => graph.isA(e, cg('WorkingGroupOpinion')),
  );
  const findings = `<section id="un-findings" aria-labelledby="un-findings-h">
<h2 id="un-findings-h">UN findings</h2>
${opinions.length ? (await mapInOrder(opinions, (o) => opinion(graph, o, notes))).join('\n') : `<p>${notStated}</p>`}
</section>`;

  const campaigns = await namedOfClass(await graph.subjects(cg('campaignFor'), person), cg('Campaign'));
  const campaignItems = await mapInOrder(
    campaigns,
    async (c) =>
      `<li>${await link(c)} ${await notes.cite(c)}: ${(await mapInOrder(await graph.literals(c, cg('callToAction')), async (l) => `“${await renderTerm(graph, l)}”`)).join('; ')}</li>`,
  );
  const campaignHtml = campaigns.length
    ? `<section id="campaigns" aria-labelledby="campaigns-h">
<h2 id="campaigns-h">Campaigns</h2>
<ul>${campaignItems.join('\n')}</ul>
</section>`
    : '';

  const disputed = await disagreements(graph, [person, ...cases, ...caseEvents, ...concerning], cg('Claim'));
  const disputedItems = await mapInOrder(
    disputed,
    async ({ subject, claims }) =>
      `<li>${await link(subject)}<ul>${(await mapInOrder(claims, async (claim) => `<li>${escapeHtml((await graph.label(claim)) ?? claim.value)} ${await notes.cite(claim)}</li>`)).join('')}</ul></li>`,
  );
  const disputedHtml = disputed.length
    ? `<section id="disagreements" aria-labelledby="disagreements-h">
<h2 id="disagreements-h">Where the sources disagree</h2>
<p class="muted">Each version is kept with the sources that give it; casegraph does not choose between them.</p>
<ul>${disputedItems.join('\n')}</ul>
</section>`
    : '';

  // Cite the sources the numbered sources themselves name, so a reader can follow them.
  const further = await furtherReading(graph, notes);
  const cited = await notes.render();
  const sources = `<section aria-labelledby="sources-h">
<h2 id="sources-h">Sources</h2>
<p class="muted">Each statement above carries the numbers of the sources that support it.</p>
${cited}
${further}
</section>`;

  const data = `<section id="data" aria-labelledby="data-h">
<h2 id="data-h">Data and API</h2>
<ul>${options.apiLinks.map((a) => `<li><a href="${escapeHtml(a.href)}">${escapeHtml(a.label)}</a></li>`).join('')}</ul>
</section>`;

  const body = `<article>
<h1>${escapeHtml(name)}</h1>
${renderIriLine(graph, person.value)}
${who}
${timelineHtml}
${caseSections.join('\n')}
${findings}
${campaignHtml}
${disputedHtml}
${sources}
${data}
</article>`;
  return htmlPage({ title: name, body, alternates: options.alternates, datasetVersion: graph.store.version });
}

/**
 * Claims (a node per assertion) that give one of these nodes different values for the same property: every
 * version, each citing its own sources, grouped by node and property; nodes and claims in IRI order.
 */
async function disagreements(
  graph: ResourceGraph,
  nodes: readonly NamedNode[],
  claimClass: string,
): Promise<Array<{ subject: NamedNode; claims: NamedNode[] }>> {
  const seen = new Set<string>();
  const groups: Array<{ subject: NamedNode; claims: NamedNode[] }> = [];
  for (const node of [...nodes].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))) {
    if (seen.has(node.value)) continue;
    seen.add(node.value);
    const claims: NamedNode[] = [];
    for (const c of await graph.subjects(rdf('subject'), node)) if (c.termType === 'NamedNode' && (await graph.isA(c, claimClass))) claims.push(c);
    const byPredicate = new Map<string, NamedNode[]>();
    for (const claim of claims) {
      const predicate = (await graph.iris(claim, rdf('predicate')))[0]?.value;
      if (!predicate) continue;
      byPredicate.set(predicate, [...(byPredicate.get(predicate) ?? []), claim]);
    }
    for (const group of byPredicate.values()) {
      const values = new Set<string>();
      for (const claim of group) for (const o of await graph.objects(claim, rdf('object'))) values.add(`${o.termType} ${o.value}`);
      if (values.size > 1) groups.push({ subject: node, claims: group.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)) });
    }
  }
  return groups;
}

async function ageText(graph: ResourceGraph, person: NamedNode, predicate: string): Promise<string> {
  const age = (await graph.literals(person, predicate))[0];
  if (!age) return notStated;
  return `${escapeHtml(age.value)} <span class="muted">(as the source states it at its time of writing; no birth date is derived from it)</span>`;
}

async function spouses(graph: ResourceGraph, person: NamedNode, notes: SourceNotes): Promise<string> {
  const spouses = await graph.iris(person, schema('spouse'));
  if (!spouses.length) return notStated;
  const lines = await mapInOrder(spouses, async (s) => {
    const homes = await graph.iris(s, schema('homeLocation'));
    const home = homes.length ? `, living in ${(await mapInOrder(homes, (h) => renderLink(graph, h.value))).join(', ')}` : '';
    return `${await renderLink(graph, s.value)}${home} ${await notes.cite(s)}`;
  });
  return lines.join('<br>');
}

async function conceptList(graph: ResourceGraph, concepts: readonly NamedNode[], notes: SourceNotes): Promise<string> {
  if (!concepts.length) return notStated;
  return `<ul>${(await mapInOrder(concepts, async (c) => `<li>${await renderLink(graph, c.value)} ${await notes.cite(c)}</li>`)).join('')}</ul>`;
}

async function containedIn(graph: ResourceGraph, place: NamedNode): Promise<string> {
  const parents: string[] = [];
  let current = place;
  for (let depth = 0; depth < 5; depth += 1) {
    const parent = (await graph.iris(current, schema('containedInPlace')))[0];
    if (!parent) break;
    parents.push(await renderLink(graph, parent.value));
    current = parent;
  }
  return parents.length ? ` <span class="muted">in</span> ${parents.join(', ')}` : '';
}

async function excerpts(graph: ResourceGraph, subject: Quad_Subject, predicate: string): Promise<string> {
  const quotes = await graph.literals(subject, predicate);
  if (!quotes.length) return '';
  return `<details><summary>What the source says (${quotes.length} verbatim ${quotes.length === 1 ? 'quote' : 'quotes'})</summary>${quotes
    .map((q) => `<blockquote>${escapeHtml(q.value)}</blockquote>`)
    .join('')}</details>`;
}

/** Two dated entries in a row with the same stated date: their order within that day is not stated. */
function sameDay(entry: TimelineEntry, previous: TimelineEntry | undefined): boolean {
  return entry.date !== undefined && previous?.date !== undefined && entry.date.equals(previous.date);
}

async function timelineItem(graph: ResourceGraph, entry: TimelineEntry, notes: SourceNotes, isContext: boolean, sameDayAsPrevious: boolean): Promise<string> {
  const cg = casegraphNamespaces(graph.baseIri).cg;
  const e = entry.event;
  let when: string;
  if (entry.date) {
    when = renderDate(entry.date);
    if (sameDayAsPrevious) when += ' <span class="muted">(the same day as the entry above; the sources do not say which came first)</span>';
  } else {
    const relation = entry.relation ? ` · ${entry.relation.kind} ${await renderLink(graph, entry.relation.other.value)}` : '';
    when = `<span class="unstated">Date not stated in the sources</span>${relation}`;
  }
  const kinds = (await mapInOrder(await graph.types(e), async (t) => `<span class="kind">${escapeHtml((await graph.label(t)) ?? t.value)}</span>`)).join('');
  const details: string[] = [];
  const add = (label: string, html: string): void => void details.push(`<dt>${escapeHtml(label)}</dt><dd>${html}</dd>`);
  const linksTo = async (predicate: string): Promise<string> =>
    (await mapInOrder(await graph.iris(e, predicate), (r) => renderLink(graph, r.value))).join(', ');
  for (const d of await graph.literals(e, schema('description'))) add('What', await renderTerm(graph, d));
  const where = await linksTo(cg('place'));
  if (where) add('Where', where);
  const by = await linksTo(cg('agent'));
  if (by) add('By', by);
  for (const flag of [cg('closedTrial'), cg('familyReceivedOfficialDocuments')]) {
    for (const l of await graph.literals(e, flag))
      add((await graph.label({ termType: 'NamedNode', value: flag } as NamedNode)) ?? flag, await renderTerm(graph, l));
  }
  for (const p of [cg('sentenceType'), cg('award'), cg('broadcastIn'), cg('website'), cg('finding')]) {
    const linked = await linksTo(p);
    if (linked) add((await graph.label({ termType: 'NamedNode', value: p } as NamedNode)) ?? p, linked);
  }
  for (const r of await graph.literals(e, cg('reason'))) add('Why', await renderTerm(graph, r));
  for (const r of await graph.literals(e, cg('role'))) add('Role', await renderTerm(graph, r));
  return `<li class="${entry.placement}${isContext ? ' context' : ''}">
<span class="when">${when}</span>
${kinds}${isContext ? '<span class="kind">context</span>' : ''}<span class="what">${await renderLink(graph, e.value)}</span> ${await notes.cite(e)}
${details.length ? `<dl class="facts">${details.join('')}</dl>` : ''}
${await excerpts(graph, e, cg('excerpt'))}
</li>`;
}

async function opinion(graph: ResourceGraph, o: NamedNode, notes: SourceNotes): Promise<string> {
  const cg = casegraphNamespaces(graph.baseIri).cg;
  const date = (await graph.literals(o, dct('date')))[0];
  const provisions = await graph.iris(o, cg('provisionViolated'));
  const byInstrument = new Map<string, NamedNode[]>();
  const notations = new Map<string, number>();
  for (const p of provisions) {
    const instrument = (await graph.iris(p, skos('broader')))[0]?.value ?? '';
    byInstrument.set(instrument, [...(byInstrument.get(instrument) ?? []), p]);
    notations.set(p.value, await notation(graph, p));
  }
  const notationOf = (node: NamedNode): number => notations.get(node.value) ?? Number.MAX_SAFE_INTEGER;
  const articleList = (
    await mapInOrder([...byInstrument.entries()], async ([instrument, articles]) => {
      const sorted = [...articles].sort((a, b) => notationOf(a) - notationOf(b));
      const items = (await mapInOrder(sorted, async (a) => `${await renderLink(graph, a.value)} ${await notes.cite(a)}`)).join(', ');
      return instrument ? `${await renderLink(graph, instrument)}: ${items}` : items;
    })
  ).join('<br>');
  const list = async (p: string): Promise<string> => {
    const nodes = await graph.iris(o, p);
    return nodes.length ? (await mapInOrder(nodes, async (n) => `${await renderLink(graph, n.value)} ${await notes.cite(n)}`)).join(', ') : notStated;
  };
  return `<article class="opinion">
<h3>${await renderLink(graph, o.value)} ${await notes.cite(o)}</h3>
<dl class="facts">
<dt>Body</dt><dd>${await list(cg('agent'))}</dd>
<dt>Date</dt><dd>${date ? renderDate(date) : notStated}</dd>
<dt>Finding</dt><dd>${await list(cg('finding'))}</dd>
<dt>State addressed</dt><dd>${await list(cg('concernsState'))}</dd>
<dt>Provisions found contravened</dt><dd>${provisions.length ? articleList : notStated}</dd>
</dl>
${await excerpts(graph, o, cg('excerpt'))}
</article>`;
}

async function notation(graph: ResourceGraph, node: NamedNode): Promise<number> {
  const value = Number((await graph.literals(node, skos('notation')))[0]?.value);
  return Number.isFinite(value) ? value : Number.MAX_SAFE_INTEGER;
}

/** Documents the numbered sources name (dct:references): listed for reading on, not as support for a claim here. */
async function furtherReading(graph: ResourceGraph, notes: SourceNotes): Promise<string> {
  const cited = notes.cited();
  const citedIris = new Set(cited.map((s) => s.value));
  const named = new Map<string, NamedNode>();
  for (const source of cited) {
    for (const other of await graph.iris(source, dct('references'))) if (!citedIris.has(other.value)) named.set(other.value, other);
  }
  if (named.size === 0) return '';
  return `<h3 id="further-reading">Documents the sources name</h3>
<p class="muted">Named by the sources above; no statement on this page rests on them directly.</p>
<ul class="further">${(await mapInOrder([...named.values()], async (s) => `<li>${await notes.describe(s)}</li>`)).join('\n')}</ul>`;
}
