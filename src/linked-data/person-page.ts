// The HTML page of a person: who they are, a timeline of their case, charges, sentence, place held, UN findings, sources.
import type { NamedNode, Quad_Subject } from '@rdfjs/types';
import { casegraphNamespaces, dct, owl, rdf, schema, skos } from '../vocabulary/namespaces.js';
import { escapeHtml } from '../http/escape-html.js';
import { htmlPage, type Alternate } from './html-page.js';
import { orderTimeline, type TimelineEntry } from './order-timeline.js';
import { notStated, renderDate, renderIriLine, renderLink, renderTerm } from './render-term.js';
import type { ResourceGraph } from './resource-graph.js';
import { SourceNotes } from './source-notes.js';

export interface PersonPageOptions {
  readonly alternates: readonly Alternate[];
  /** Links to the person's JSON documents and the claims/citations/communication API. */
  readonly apiLinks: ReadonlyArray<{ readonly href: string; readonly label: string }>;
}

export function personPage(graph: ResourceGraph, person: NamedNode, options: PersonPageOptions): string {
  const cg = casegraphNamespaces(graph.baseIri).cg;
  const notes = new SourceNotes(graph);
  const name = graph.label(person) ?? person.value;
  const link = (node: NamedNode): string => renderLink(graph, node.value);
  const links = (nodes: readonly NamedNode[]): string => (nodes.length ? nodes.map(link).join(', ') : notStated);
  const literalsOf = (subject: Quad_Subject, predicate: string): string => {
    const values = graph.literals(subject, predicate);
    return values.length ? values.map((l) => renderTerm(graph, l)).join(', ') : notStated;
  };

  const cases = graph.subjects(cg('concernsPerson'), person).filter((s): s is NamedNode => s.termType === 'NamedNode' && graph.isA(s, cg('Case')));
  const concerning = graph.subjects(cg('concernsPerson'), person).filter((s): s is NamedNode => s.termType === 'NamedNode' && graph.isA(s, cg('Event')));
  const caseEvents = cases.flatMap((c) => graph.iris(c, cg('hasEvent')));
  const contextEvents = new Set(cases.flatMap((c) => graph.iris(c, cg('context'))).map((e) => e.value));
  const events = [...caseEvents, ...concerning, ...cases.flatMap((c) => graph.iris(c, cg('context')))];
  const timeline = orderTimeline(graph, events);

  // Who they are.
  const who = `<section id="who" aria-labelledby="who-h">
<h2 id="who-h">Who ${escapeHtml(name)} is</h2>
<dl class="facts">
<dt>Name</dt><dd>${literalsOf(person, schema('name'))} ${notes.cite(person)}</dd>
<dt>Age</dt><dd>${ageText(graph, person, cg('statedAge'))}</dd>
<dt>Gender</dt><dd>${links(graph.iris(person, schema('gender')))}</dd>
<dt>Ethnicity</dt><dd>${literalsOf(person, cg('ethnicity'))}</dd>
<dt>Spouse</dt><dd>${spouses(graph, person, notes)}</dd>
${graph.iris(person, owl('sameAs')).length ? `<dt>Same as</dt><dd>${links(graph.iris(person, owl('sameAs')))}</dd>` : ''}
</dl>
${excerpts(graph, person, cg('excerpt'))}
</section>`;

  const timelineHtml = `<section id="timeline" aria-labelledby="timeline-h">
<h2 id="timeline-h">Timeline</h2>
<p class="muted">Filled markers have a date stated by the sources. Hollow markers have none: they are placed only by the order the sources state, or listed as undated.</p>
<ol class="timeline" data-events="${timeline.length}">
${timeline.map((entry, i) => timelineItem(graph, entry, notes, contextEvents.has(entry.event.value), sameDay(entry, timeline[i - 1]))).join('\n')}
</ol>
</section>`;

  const caseSections = cases.map((c) => {
    const sentencings = caseEvents.filter((e) => graph.isA(e, cg('Sentencing')));
    const sentencingDates = sentencings.flatMap((e) => graph.literals(e, dct('date')).map((d) => `${renderDate(d)} ${notes.cite(e)}`));
    const held = graph.iris(c, cg('heldAt'));
    const punishedBy = graph.iris(c, cg('punishedBy'));
    const reasons = graph.literals(c, cg('reason'));
    // The source's account of the punishment, in its words; kept apart from who sentenced (which it does not say).
    const account =
      punishedBy.length || reasons.length
        ? `<dt>The source’s account</dt><dd>punished${punishedBy.length ? ` by ${links(punishedBy)}` : ''}${reasons.length ? ` ${reasons.map((r) => renderTerm(graph, r)).join('; ')}` : ''} ${notes.cite(c)}</dd>\n`
        : '';
    return `<section id="charges" aria-labelledby="charges-h">
<h2 id="charges-h">Charges and sentence</h2>
<p>Case: ${link(c)} ${notes.cite(c)}</p>
<dl class="facts">
<dt>Charges</dt><dd>${conceptList(graph, graph.iris(c, cg('charge')), notes)}</dd>
<dt>Sentence</dt><dd>${conceptList(graph, graph.iris(c, cg('sentenceType')), notes)}</dd>
<dt>Sentenced on</dt><dd>${sentencingDates.length ? sentencingDates.join(', ') : notStated}</dd>
${account}</dl>
</section>
<section id="held" aria-labelledby="held-h">
<h2 id="held-h">Where ${escapeHtml(name)} is held</h2>
<p>${held.length ? held.map((place) => `${link(place)}${containedIn(graph, place)} ${notes.cite(c)}`).join('<br>') : notStated}</p>
</section>`;
  });

  const opinions = timeline.map((e) => e.event).filter((e) => graph.isA(e, cg('WorkingGroupOpinion')));
  const findings = `<section id="un-findings" aria-labelledby="un-findings-h">
<h2 id="un-findings-h">UN findings</h2>
${opinions.length ? opinions.map((o) => opinion(graph, o, notes)).join('\n') : `<p>${notStated}</p>`}
</section>`;

  const campaigns = graph.subjects(cg('campaignFor'), person).filter((s): s is NamedNode => s.termType === 'NamedNode' && graph.isA(s, cg('Campaign')));
  const campaignHtml = campaigns.length
    ? `<section id="campaigns" aria-labelledby="campaigns-h">
<h2 id="campaigns-h">Campaigns</h2>
<ul>${campaigns
        .map(
          (c) =>
            `<li>${link(c)} ${notes.cite(c)}: ${graph
              .literals(c, cg('callToAction'))
              .map((l) => `“${renderTerm(graph, l)}”`)
              .join('; ')}</li>`,
        )
        .join('\n')}</ul>
</section>`
    : '';

  const disputed = disagreements(graph, [person, ...cases, ...caseEvents, ...concerning], cg('Claim'));
  const disputedHtml = disputed.length
    ? `<section id="disagreements" aria-labelledby="disagreements-h">
<h2 id="disagreements-h">Where the sources disagree</h2>
<p class="muted">Each version is kept with the sources that give it; casegraph does not choose between them.</p>
<ul>${disputed
        .map(
          ({ subject, claims }) =>
            `<li>${link(subject)}<ul>${claims.map((claim) => `<li>${escapeHtml(graph.label(claim) ?? claim.value)} ${notes.cite(claim)}</li>`).join('')}</ul></li>`,
        )
        .join('\n')}</ul>
</section>`
    : '';

  // Cite the sources the numbered sources themselves name, so a reader can follow them.
  const further = furtherReading(graph, notes);
  const cited = notes.render();
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
function disagreements(graph: ResourceGraph, nodes: readonly NamedNode[], claimClass: string): Array<{ subject: NamedNode; claims: NamedNode[] }> {
  const seen = new Set<string>();
  const groups: Array<{ subject: NamedNode; claims: NamedNode[] }> = [];
  for (const node of [...nodes].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))) {
    if (seen.has(node.value)) continue;
    seen.add(node.value);
    const claims = graph.subjects(rdf('subject'), node).filter((c): c is NamedNode => c.termType === 'NamedNode' && graph.isA(c, claimClass));
    const byPredicate = new Map<string, NamedNode[]>();
    for (const claim of claims) {
      const predicate = graph.iris(claim, rdf('predicate'))[0]?.value;
      if (!predicate) continue;
      byPredicate.set(predicate, [...(byPredicate.get(predicate) ?? []), claim]);
    }
    for (const group of byPredicate.values()) {
      const values = new Set(group.flatMap((claim) => graph.objects(claim, rdf('object')).map((o) => `${o.termType} ${o.value}`)));
      if (values.size > 1) groups.push({ subject: node, claims: group.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)) });
    }
  }
  return groups;
}

function ageText(graph: ResourceGraph, person: NamedNode, predicate: string): string {
  const age = graph.literals(person, predicate)[0];
  if (!age) return notStated;
  return `${escapeHtml(age.value)} <span class="muted">(as the source states it at its time of writing; no birth date is derived from it)</span>`;
}

function spouses(graph: ResourceGraph, person: NamedNode, notes: SourceNotes): string {
  const spouses = graph.iris(person, schema('spouse'));
  if (!spouses.length) return notStated;
  return spouses
    .map((s) => {
      const homes = graph.iris(s, schema('homeLocation'));
      const home = homes.length ? `, living in ${homes.map((h) => renderLink(graph, h.value)).join(', ')}` : '';
      return `${renderLink(graph, s.value)}${home} ${notes.cite(s)}`;
    })
    .join('<br>');
}

function conceptList(graph: ResourceGraph, concepts: readonly NamedNode[], notes: SourceNotes): string {
  if (!concepts.length) return notStated;
  return `<ul>${concepts.map((c) => `<li>${renderLink(graph, c.value)} ${notes.cite(c)}</li>`).join('')}</ul>`;
}

function containedIn(graph: ResourceGraph, place: NamedNode): string {
  const parents: string[] = [];
  let current = place;
  for (let depth = 0; depth < 5; depth += 1) {
    const parent = graph.iris(current, schema('containedInPlace'))[0];
    if (!parent) break;
    parents.push(renderLink(graph, parent.value));
    current = parent;
  }
  return parents.length ? ` <span class="muted">in</span> ${parents.join(', ')}` : '';
}

function excerpts(graph: ResourceGraph, subject: Quad_Subject, predicate: string): string {
  const quotes = graph.literals(subject, predicate);
  if (!quotes.length) return '';
  return `<details><summary>What the source says (${quotes.length} verbatim ${quotes.length === 1 ? 'quote' : 'quotes'})</summary>${quotes
    .map((q) => `<blockquote>${escapeHtml(q.value)}</blockquote>`)
    .join('')}</details>`;
}

/** Two dated entries in a row with the same stated date: their order within that day is not stated. */
function sameDay(entry: TimelineEntry, previous: TimelineEntry | undefined): boolean {
  return entry.date !== undefined && previous?.date !== undefined && entry.date.equals(previous.date);
}

function timelineItem(graph: ResourceGraph, entry: TimelineEntry, notes: SourceNotes, isContext: boolean, sameDayAsPrevious: boolean): string {
  const cg = casegraphNamespaces(graph.baseIri).cg;
  const e = entry.event;
  let when: string;
  if (entry.date) {
    when = renderDate(entry.date);
    if (sameDayAsPrevious) when += ' <span class="muted">(the same day as the entry above; the sources do not say which came first)</span>';
  } else {
    const relation = entry.relation ? ` · ${entry.relation.kind} ${renderLink(graph, entry.relation.other.value)}` : '';
    when = `<span class="unstated">Date not stated in the sources</span>${relation}`;
  }
  const kinds = graph
    .types(e)
    .map((t) => `<span class="kind">${escapeHtml(graph.label(t) ?? t.value)}</span>`)
    .join('');
  const details: string[] = [];
  const add = (label: string, html: string): void => void details.push(`<dt>${escapeHtml(label)}</dt><dd>${html}</dd>`);
  const refs = (predicate: string): NamedNode[] => graph.iris(e, predicate);
  for (const d of graph.literals(e, schema('description'))) add('What', renderTerm(graph, d));
  if (refs(cg('place')).length)
    add(
      'Where',
      refs(cg('place'))
        .map((p) => renderLink(graph, p.value))
        .join(', '),
    );
  if (refs(cg('agent')).length)
    add(
      'By',
      refs(cg('agent'))
        .map((p) => renderLink(graph, p.value))
        .join(', '),
    );
  for (const flag of [cg('closedTrial'), cg('familyReceivedOfficialDocuments')]) {
    for (const l of graph.literals(e, flag)) add(graph.label({ termType: 'NamedNode', value: flag } as NamedNode) ?? flag, renderTerm(graph, l));
  }
  for (const p of [cg('sentenceType'), cg('award'), cg('broadcastIn'), cg('website'), cg('finding')]) {
    if (refs(p).length)
      add(
        graph.label({ termType: 'NamedNode', value: p } as NamedNode) ?? p,
        refs(p)
          .map((r) => renderLink(graph, r.value))
          .join(', '),
      );
  }
  for (const r of graph.literals(e, cg('reason'))) add('Why', renderTerm(graph, r));
  for (const r of graph.literals(e, cg('role'))) add('Role', renderTerm(graph, r));
  return `<li class="${entry.placement}${isContext ? ' context' : ''}">
<span class="when">${when}</span>
${kinds}${isContext ? '<span class="kind">context</span>' : ''}<span class="what">${renderLink(graph, e.value)}</span> ${notes.cite(e)}
${details.length ? `<dl class="facts">${details.join('')}</dl>` : ''}
${excerpts(graph, e, cg('excerpt'))}
</li>`;
}

function opinion(graph: ResourceGraph, o: NamedNode, notes: SourceNotes): string {
  const cg = casegraphNamespaces(graph.baseIri).cg;
  const date = graph.literals(o, dct('date'))[0];
  const provisions = graph.iris(o, cg('provisionViolated'));
  const byInstrument = new Map<string, NamedNode[]>();
  for (const p of provisions) {
    const instrument = graph.iris(p, skos('broader'))[0]?.value ?? '';
    byInstrument.set(instrument, [...(byInstrument.get(instrument) ?? []), p]);
  }
  const articleList = [...byInstrument.entries()]
    .map(([instrument, articles]) => {
      const sorted = [...articles].sort((a, b) => notation(graph, a) - notation(graph, b));
      const items = sorted.map((a) => `${renderLink(graph, a.value)} ${notes.cite(a)}`).join(', ');
      return instrument ? `${renderLink(graph, instrument)}: ${items}` : items;
    })
    .join('<br>');
  const list = (p: string): string => {
    const nodes = graph.iris(o, p);
    return nodes.length ? nodes.map((n) => `${renderLink(graph, n.value)} ${notes.cite(n)}`).join(', ') : notStated;
  };
  return `<article class="opinion">
<h3>${renderLink(graph, o.value)} ${notes.cite(o)}</h3>
<dl class="facts">
<dt>Body</dt><dd>${list(cg('agent'))}</dd>
<dt>Date</dt><dd>${date ? renderDate(date) : notStated}</dd>
<dt>Finding</dt><dd>${list(cg('finding'))}</dd>
<dt>State addressed</dt><dd>${list(cg('concernsState'))}</dd>
<dt>Provisions found contravened</dt><dd>${provisions.length ? articleList : notStated}</dd>
</dl>
${excerpts(graph, o, cg('excerpt'))}
</article>`;
}

function notation(graph: ResourceGraph, node: NamedNode): number {
  const value = Number(graph.literals(node, skos('notation'))[0]?.value);
  return Number.isFinite(value) ? value : Number.MAX_SAFE_INTEGER;
}

/** Documents the numbered sources name (dct:references): listed for reading on, not as support for a claim here. */
function furtherReading(graph: ResourceGraph, notes: SourceNotes): string {
  const cited = notes.cited();
  const citedIris = new Set(cited.map((s) => s.value));
  const named = new Map<string, NamedNode>();
  for (const source of cited) {
    for (const other of graph.iris(source, dct('references'))) if (!citedIris.has(other.value)) named.set(other.value, other);
  }
  if (named.size === 0) return '';
  return `<h3 id="further-reading">Documents the sources name</h3>
<p class="muted">Named by the sources above; no statement on this page rests on them directly.</p>
<ul class="further">${[...named.values()].map((s) => `<li>${notes.describe(s)}</li>`).join('\n')}</ul>`;
}
