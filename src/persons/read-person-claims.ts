// Reads every claim about one person from the graph (through the store port) and attaches each claim's sources and excerpts.
import type { Term } from '@rdfjs/types';
import type { GraphStore } from '../store/graph-store.js';
import { xsd } from '../vocabulary/namespaces.js';
import type { CitationQueries, CitationQueryName } from './citation-queries.js';
import { resolvePerson } from './resolve-person.js';
import type { Claim, Disagreement, EventClaim, IdentityField, PersonClaims, PunishmentClaim, Provision, Ref, SourceSummary } from '../citations/index.js';
import { toDateValue } from './to-date-value.js';
import { localName } from '../vocabulary/local-name.js';

type Row = Readonly<Record<string, Term>>;

const identityOrder: readonly IdentityField[] = ['name', 'gender', 'statedAge', 'ethnicity'];
const caseFactOrder = ['charge', 'sentence', 'placeOfDetention'] as const;
const eventKinds: Readonly<Record<string, EventClaim['kind']>> = {
  WorkingGroupOpinion: 'unFinding',
  AwardConferral: 'award',
  Campaign: 'campaign',
};

/** Throws NotFoundError when `id` names no schema:Person (resolvePerson, the rule every person route shares). */
export async function readPersonClaims(store: GraphStore, queries: CitationQueries, id: string): Promise<PersonClaims> {
  const person = await resolvePerson(store, id);
  const iri = person.value;
  const run = async (name: CitationQueryName): Promise<readonly Row[]> => {
    const result = await store.query({ query: queries[name], bindings: { _person_iri: person } });
    if (result.kind !== 'bindings') throw new Error(`${name}.rq must be a SELECT query`);
    if (result.truncated) throw new Error(`${name}.rq was cut at the result cap; raise MAX_RESULTS`);
    return result.rows;
  };
  // The queries carry no ORDER BY, so rows are sorted here.
  const [identity, caseFacts, events, eventFacts, evidence, sourceRows, disputed] = await Promise.all([
    run('person-identity').then((rows) => sortRows(rows, ['field', 'value'])),
    run('case-facts').then((rows) => sortRows(rows, ['case', 'kind', 'valueLabel', 'value'])),
    run('person-events').then((rows) => sortRows(rows, ['event', 'role', 'type', 'typeLabel', 'label', 'date'])),
    run('event-facts').then((rows) => sortRows(rows, ['event', 'field', 'valueLabel', 'value', 'notation', 'instrumentLabel'])),
    run('claim-evidence').then((rows) => sortRows(rows, ['node', 'source', 'excerpt'])),
    run('person-sources').then((rows) =>
      sortRows(rows, ['source', 'supports', 'title', 'label', 'publisherName', 'identifier', 'date', 'url', 'containerName', 'position']),
    ),
    run('person-disagreements').then((rows) => sortRows(rows, ['subject', 'predicate', 'claim', 'source', 'locator', 'statement', 'value', 'valueLabel'])),
  ]);

  const sources = readSources(sourceRows);
  const byIri = new Map(sources.map((s) => [s.iri, s]));
  const sourcesOf = new Map<string, string[]>();
  const excerptsOf = new Map<string, string[]>();
  for (const row of evidence) {
    const node = row.node?.value;
    if (!node) continue;
    if (row.source) push(sourcesOf, node, row.source.value);
    if (row.excerpt) push(excerptsOf, node, row.excerpt.value);
  }
  const support = (subject: string, narrowTo?: string) => {
    const cited = (sourcesOf.get(subject) ?? []).map((s) => byIri.get(s)).filter((s): s is SourceSummary => s !== undefined);
    return {
      subject,
      sources: cited,
      excerpts: narrowExcerpts(excerptsOf.get(subject) ?? [], narrowTo ? (excerptsOf.get(narrowTo) ?? []) : []),
      singleSource: cited.length === 1,
    };
  };

  const claims: Claim[] = [];
  const fieldCount = new Map<string, number>();
  const sortedIdentity = [...identity].sort(
    (a, b) => identityOrder.indexOf(a.field?.value as IdentityField) - identityOrder.indexOf(b.field?.value as IdentityField),
  );
  for (const row of sortedIdentity) {
    const field = row.field?.value as IdentityField;
    if (!row.value || !identityOrder.includes(field)) continue;
    const n = (fieldCount.get(field) ?? 0) + 1;
    fieldCount.set(field, n);
    claims.push({
      id: n === 1 ? `identity/${field}` : `identity/${field}/${n}`,
      kind: 'identity',
      field,
      value: literalValue(row.value) as string | number,
      ...support(iri),
    });
  }

  for (const kind of caseFactOrder) {
    for (const row of caseFacts.filter((r) => r.kind?.value === kind)) {
      const caseIri = row.case?.value;
      const value = row.value;
      if (!caseIri || value?.termType !== 'NamedNode') continue;
      const ref = { iri: value.value, label: row.valueLabel?.value ?? null };
      const id = `${kind}/${localName(value.value)}`;
      const evidence = support(caseIri, value.value);
      if (kind === 'charge') claims.push({ id, kind, charge: ref, ...evidence });
      else if (kind === 'sentence') claims.push({ id, kind, sentenceType: ref, ...evidence });
      else claims.push({ id, kind, place: ref, within: row.within?.value ?? null, ...evidence });
    }
  }

  claims.push(...readPunishments(caseFacts, support));
  claims.push(...readEvents(events, eventFacts, support));
  const name = identity.find((r) => r.field?.value === 'name')?.value?.value ?? null;
  return { person: { id, iri, name }, datasetVersion: store.version, claims, disagreements: readDisagreements(disputed, byIri), sources };
}

/** Rows of person-disagreements (sorted by subject, predicate, claim) grouped into one entry per subject and property. */
function readDisagreements(rows: readonly Row[], sources: ReadonlyMap<string, SourceSummary>): Disagreement[] {
  const groups = new Map<string, { subject: string; subjectLabel: string | null; property: string; versions: Map<string, Row[]> }>();
  for (const row of rows) {
    const subject = row.subject?.value;
    const property = row.predicate?.value;
    const claim = row.claim?.value;
    if (!subject || !property || !claim) continue;
    const key = `${subject} ${property}`;
    let group = groups.get(key);
    if (!group) {
      group = { subject, subjectLabel: row.subjectLabel?.value ?? null, property, versions: new Map() };
      groups.set(key, group);
    }
    push(group.versions, claim, row);
  }
  return [...groups.values()].map(({ versions, ...group }) => ({
    ...group,
    versions: [...versions.entries()].map(([claim, claimRows]) => {
      const first = claimRows[0];
      const cited = uniqueBy(
        claimRows.flatMap((r) => (r.source ? [r.source.value] : [])),
        (iri) => iri,
      );
      return {
        claim,
        statement: first?.statement?.value ?? null,
        value: first?.value?.value ?? '',
        valueIsIri: first?.value?.termType === 'NamedNode',
        valueLabel: first?.valueLabel?.value ?? null,
        sources: cited.map((iri) => sources.get(iri)).filter((s): s is SourceSummary => s !== undefined),
        locators: uniqueBy(
          claimRows.flatMap((r) => (r.source && r.locator ? [{ source: r.source.value, locator: r.locator.value }] : [])),
          (l) => `${l.source} ${l.locator}`,
        ),
      };
    }),
  }));
}

/** One claim per case that says who punished the person or for what; its excerpts narrowed to the punisher's. */
function readPunishments(caseFacts: readonly Row[], support: Support): PunishmentClaim[] {
  const byCase = new Map<string, Row[]>();
  for (const row of caseFacts) {
    const kind = row.kind?.value;
    if (row.case && (kind === 'punishedBy' || kind === 'punishmentReason')) push(byCase, row.case.value, row);
  }
  return [...byCase.entries()].map(([caseIri, rows]) => {
    const punishedBy = uniqueBy(
      rows.flatMap((r) =>
        r.kind?.value === 'punishedBy' && r.value?.termType === 'NamedNode' ? [{ iri: r.value.value, label: r.valueLabel?.value ?? null }] : [],
      ),
      (r) => r.iri,
    ).sort((a, b) => compare(a.iri, b.iri));
    const reasons = rows.flatMap((r) => (r.kind?.value === 'punishmentReason' && r.value?.termType === 'Literal' ? [r.value.value] : [])).sort(compare);
    return { id: `punishment/${localName(caseIri)}`, kind: 'punishment', punishedBy, reason: reasons[0] ?? null, ...support(caseIri, punishedBy[0]?.iri) };
  });
}

/** Sources from rows with `source`, `title`, `label`, `publisherName`, `identifier`, `date`, `url`, `containerName`, `position`, `supports`. */
export function readSources(rows: readonly Row[]): SourceSummary[] {
  const seen = new Map<string, SourceSummary>();
  for (const row of rows) {
    const iri = row.source?.value;
    if (!iri || seen.has(iri)) continue;
    const position = row.position ? Number(row.position.value) : null;
    seen.set(iri, {
      iri,
      title: row.title?.value ?? null,
      label: row.label?.value ?? null,
      publisher: row.publisherName?.value ?? null,
      identifier: row.identifier?.value ?? null,
      date: toDateValue(row.date),
      url: row.url?.value ?? null,
      partOf: row.containerName?.value ?? null,
      position: Number.isInteger(position) ? position : null,
      // `BIND(true AS ?supports)`: some stores (Virtuoso) give a computed boolean back as the integer 1.
      supportsClaims: row.supports?.value === 'true' || row.supports?.value === '1',
    });
  }
  return [...seen.values()].sort((a, b) => compare(a.iri, b.iri));
}

type Support = (subject: string, narrowTo?: string) => Pick<EventClaim, 'subject' | 'sources' | 'excerpts' | 'singleSource'>;

function readEvents(events: readonly Row[], facts: readonly Row[], support: Support): EventClaim[] {
  const factsOf = new Map<string, Row[]>();
  for (const row of facts) if (row.event) push(factsOf, row.event.value, row);
  const claims = new Map<string, EventClaim>();
  for (const row of events) {
    const iri = row.event?.value;
    if (!iri) continue;
    const scope = row.role?.value === 'context' ? 'context' : 'case';
    // An event reached both as the case's own and as its context counts as the case's own.
    if (claims.has(iri) && scope === 'context') continue;
    const eventType = row.type?.value ?? 'Event';
    const own = factsOf.get(iri) ?? [];
    const refs = (field: string): Ref[] =>
      uniqueBy(
        own.flatMap((f) => (f.field?.value === field && f.value?.termType === 'NamedNode' ? [{ iri: f.value.value, label: f.valueLabel?.value ?? null }] : [])),
        (r) => r.iri,
      );
    const literals = (field: string): Array<string | number | boolean> =>
      own.flatMap((f) => (f.field?.value === field && f.value?.termType === 'Literal' ? [literalValue(f.value)] : []));
    const one = <T>(values: readonly T[]): T | undefined => values[0];
    const provisions: Provision[] = uniqueBy(
      own.flatMap((f) =>
        f.field?.value === 'provisionsViolated' && f.value?.termType === 'NamedNode'
          ? [{ iri: f.value.value, label: f.valueLabel?.value ?? null, notation: f.notation?.value ?? null, instrument: f.instrumentLabel?.value ?? null }]
          : [],
      ),
      (p) => p.iri,
    ).sort((a, b) => compare(a.instrument ?? '', b.instrument ?? '') || compareNotation(a.notation, b.notation));
    const claim: EventClaim = {
      id: `${eventKinds[eventType] ?? 'event'}/${localName(iri)}`,
      kind: eventKinds[eventType] ?? 'event',
      scope,
      eventType,
      typeLabel: row.typeLabel?.value ?? eventType,
      label: row.label?.value ?? null,
      date: toDateValue(row.date),
      place: one(refs('place')) ?? null,
      agents: refs('agents'),
      ...optional('description', one(literals('description')) as string | undefined),
      ...optional('reason', one(literals('reason')) as string | undefined),
      ...optional('closedTrial', one(literals('closedTrial')) as boolean | undefined),
      ...optional('familyReceivedOfficialDocuments', one(literals('familyReceivedOfficialDocuments')) as boolean | undefined),
      ...optional('sentenceType', one(refs('sentenceType'))),
      ...optional('findings', nonEmpty(refs('findings'))),
      ...optional('provisionsViolated', nonEmpty(provisions)),
      ...optional('state', one(refs('state'))),
      ...optional('award', one(refs('award'))),
      ...optional('broadcastIn', one(refs('broadcastIn'))),
      ...optional('statementsConcerned', nonEmpty(refs('statementsConcerned'))),
      ...optional('website', one(refs('website'))),
      ...optional('role', one(literals('role')) as string | undefined),
      ...optional('before', nonEmpty(refs('before'))),
      ...optional('after', nonEmpty(refs('after'))),
      ...optional('context', nonEmpty(refs('context'))),
      ...optional('callsToAction', nonEmpty((literals('callsToAction') as string[]).sort(compare))),
      ...optional('numberOfPrisoners', one(literals('numberOfPrisoners')) as number | undefined),
      ...support(iri),
    };
    claims.set(iri, claim);
  }
  return chronological([...claims.values()]);
}

/**
 * Dated events by date (a month or year sorts before the days in it), then undated ones by IRI. An undated
 * event stays undated: placing it by occurredBefore/After would suggest a date the sources do not give.
 */
function chronological(events: EventClaim[]): EventClaim[] {
  return events.sort((a, b) => {
    if (a.date && b.date) return compare(a.date.value, b.date.value) || typeRank(a) - typeRank(b) || compare(a.subject, b.subject);
    if (a.date) return -1;
    if (b.date) return 1;
    return compare(a.subject, b.subject);
  });
}

/**
 * Events on the same date (a trial and its sentencing) are listed in the order a case usually runs; this is
 * presentation only and says nothing the sources do not: both keep their own date.
 */
const usualOrder = [
  'Unrest',
  'Publication',
  'Invitation',
  'Arrest',
  'Detention',
  'ForcedConfession',
  'Trial',
  'Sentencing',
  'WorkingGroupOpinion',
  'AwardConferral',
  'Campaign',
];

function typeRank(event: EventClaim): number {
  const rank = usualOrder.indexOf(event.eventType);
  return rank === -1 ? usualOrder.length : rank;
}

/**
 * A node such as a case carries several excerpts; for a claim about one of its values (a charge), keep those
 * that quote the value's own excerpt. Exact string containment only: when none matches, all are kept.
 */
function narrowExcerpts(excerpts: readonly string[], valueExcerpts: readonly string[]): string[] {
  const sorted = [...excerpts].sort(compare);
  if (valueExcerpts.length === 0) return sorted;
  const matching = sorted.filter((e) => valueExcerpts.some((v) => e.includes(v)));
  return matching.length > 0 ? matching : sorted;
}

function literalValue(term: Term): string | number | boolean {
  if (term.termType !== 'Literal') return term.value;
  const datatype = term.datatype.value;
  if (datatype === xsd('boolean')) return term.value === 'true' || term.value === '1';
  if (datatype === xsd('integer') && /^[+-]?\d+$/.test(term.value)) return Number(term.value);
  return term.value;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
}

function nonEmpty<T>(values: readonly T[]): readonly T[] | undefined {
  return values.length > 0 ? values : undefined;
}

function uniqueBy<T>(values: readonly T[], key: (value: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const value of values) if (!seen.has(key(value))) seen.set(key(value), value);
  return [...seen.values()];
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function compareNotation(a: string | null, b: string | null): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return compare(a ?? '', b ?? '');
}

/** Rows in code-point order of the named variables' values (unbound first): the same rows always give the same answer. */
function sortRows(rows: readonly Row[], variables: readonly string[]): Row[] {
  return [...rows].sort((a, b) => {
    for (const name of variables) {
      const order = compare(a[name]?.value ?? '', b[name]?.value ?? '');
      if (order !== 0) return order;
    }
    return 0;
  });
}

/** Code-point order, so output does not depend on the process locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
