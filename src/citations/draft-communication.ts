// Builds a draft communication to the UN Working Group on Arbitrary Detention from a person's claims: every sentence footnoted.
import { casegraphNamespaces, relativeNamespaces } from '../vocabulary/namespaces.js';
import { formatFootnoteCitation } from './citation-formats.js';
import type { Claim, DateValue, EventClaim, IdentityClaim, PersonClaims, PunishmentClaim, Ref, SourceSummary } from './person-claims.js';

/** What the draft says of a field no source states; the README and the tests rely on these exact words. */
export const notStated = 'not stated in the sources';

/** One sentence and the footnote that says where it comes from. */
export interface Sentence {
  readonly text: string;
  readonly footnote: number;
}

export interface CommunicationSection {
  /** Roman numeral of the WGAD model questionnaire. */
  readonly number: string;
  readonly heading: string;
  /** Paragraphs of footnoted sentences. */
  readonly paragraphs: ReadonlyArray<readonly Sentence[]>;
}

export interface Footnote {
  readonly number: number;
  readonly text: string;
}

export interface Communication {
  readonly title: string;
  readonly person: PersonClaims['person'];
  readonly datasetVersion: string;
  /** Sentences about the draft itself (where it comes from), footnoted to the dataset. */
  readonly preamble: readonly Sentence[];
  /** Sections I to V of the questionnaire, then the person's sources (VI) as a reference list. */
  readonly sections: readonly CommunicationSection[];
  readonly sourcesHeading: string;
  /** Reference-list entries, in the UN footnote style. */
  readonly sources: readonly string[];
  readonly footnotes: readonly Footnote[];
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** UN documents write dates day month year: `14 July 2009`, `March 2012`, `2010`. */
export function formatDate(date: DateValue): string {
  const [year, month, day] = date.value.split('-').map(Number);
  const monthName = month ? months[month - 1] : undefined;
  if (date.precision === 'day' && day && monthName) return `${day} ${monthName} ${year}`;
  if (date.precision !== 'year' && monthName) return `${monthName} ${year}`;
  return String(year);
}

/** Collects footnotes as sentences are written; consecutive notes on the same sources say "Ibid." as UN documents do. */
class FootnoteWriter {
  readonly footnotes: Footnote[] = [];
  private previousKey: string | undefined;

  add(key: string, full: string, ibid: string): number {
    const number = this.footnotes.length + 1;
    this.footnotes.push({ number, text: key === this.previousKey ? ibid : full });
    this.previousKey = key;
    return number;
  }
}

/** `baseIri` names the dataset in the first footnote. */
export function draftCommunication(record: PersonClaims, baseIri: string): Communication {
  const notes = new FootnoteWriter();
  const name = record.person.name ?? record.person.id;
  const consulted = record.sources.filter((s) => s.supportsClaims);
  const base = casegraphNamespaces(baseIri).base;

  const fromClaim = (claim: Claim | undefined, text: string): Sentence => {
    if (!claim) return unstated(text);
    const citation = withoutFinalStop(formatFootnoteCitation(claim.sources));
    const quotes = claim.excerpts.map((e) => `“${e}”`).join('; ');
    const key = `claim:${claim.sources.map((s) => s.iri).join(' ')}`;
    const tail = quotes ? `: ${quotes}` : '';
    return { text, footnote: notes.add(key, end(`${citation}${tail}`), end(`Ibid.${tail}`)) };
  };
  const fromClaims = (claims: readonly Claim[], text: string): Sentence => {
    if (claims.length === 1) return fromClaim(claims[0], text);
    const sources = uniqueSources(claims.flatMap((c) => c.sources));
    const quotes = [...new Set(claims.flatMap((c) => c.excerpts))].map((e) => `“${e}”`).join('; ');
    const tail = quotes ? `: ${quotes}` : '';
    const key = `claim:${sources.map((s) => s.iri).join(' ')}`;
    return { text, footnote: notes.add(key, end(`${withoutFinalStop(formatFootnoteCitation(sources))}${tail}`), end(`Ibid.${tail}`)) };
  };
  function unstated(field: string): Sentence {
    const citation = withoutFinalStop(formatFootnoteCitation(consulted));
    const text = consulted.length > 0 ? `Not stated in the sources consulted: ${citation}.` : 'No source of this record states it.';
    return { text: `${field}: ${notStated}.`, footnote: notes.add('unstated', text, 'Not stated in the sources consulted (ibid.).') };
  }
  const field = (label: string, claim: Claim | undefined, value: string | undefined): Sentence =>
    claim && value !== undefined ? fromClaim(claim, `${label}: ${value}.`) : unstated(label);

  const claims = record.claims;
  const identity = (f: IdentityClaim['field']) => claims.find((c): c is IdentityClaim => c.kind === 'identity' && c.field === f);
  const events = claims.filter((c): c is EventClaim => c.kind === 'event' || c.kind === 'unFinding' || c.kind === 'award' || c.kind === 'campaign');
  const ofType = (type: string) => events.filter((e) => e.eventType === type && e.scope === 'case');
  const eventLabel = (ref: Ref): string => {
    const event = events.find((e) => e.subject === ref.iri);
    return event ? `the ${event.typeLabel}` : `“${ref.label ?? ref.iri}”`;
  };

  const datasetNote = `casegraph dataset, version ${record.datasetVersion}, ${base} (SPARQL endpoint ${base}${relativeNamespaces.sparqlEndpoint}).`;
  const preamble: Sentence[] = [
    { text: `This draft was drawn from the casegraph dataset, version ${record.datasetVersion}.`, footnote: notes.add('dataset', datasetNote, 'Ibid.') },
    {
      text: `Each statement is footnoted to the sources that support it, and a field that no source states reads “${notStated}”.`,
      footnote: notes.add('dataset', datasetNote, 'Ibid.'),
    },
  ];

  // I. Identity
  const nameClaim = identity('name');
  const gender = identity('gender');
  const age = identity('statedAge');
  const ethnicity = identity('ethnicity');
  const identitySection: Sentence[][] = [
    [field('Name', nameClaim, nameClaim ? String(nameClaim.value) : undefined)],
    [field('Sex', gender, gender ? String(gender.value) : undefined)],
    [unstated('Date of birth')],
    [age ? fromClaim(age, `Age: ${age.value}, as the sources state it; the date at which this age applied is ${notStated}.`) : unstated('Age')],
    [unstated('Nationality')],
    [field('Ethnicity, as stated', ethnicity, ethnicity ? String(ethnicity.value) : undefined)],
    [unstated('Identity document')],
    [unstated('Profession')],
    [unstated('Address of usual residence')],
  ];

  // II. Arrest
  const arrests = ofType('Arrest');
  const arrestSection: Sentence[][] = [];
  if (arrests.length === 0) arrestSection.push([unstated('Date of arrest')]);
  for (const arrest of arrests) {
    arrestSection.push([arrest.date ? fromClaim(arrest, `Date of arrest: ${formatDate(arrest.date)}.`) : unstated('Date of arrest')]);
    arrestSection.push([arrest.place ? fromClaim(arrest, `Place of arrest: ${arrest.place.label ?? arrest.place.iri}.`) : unstated('Place of arrest')]);
    arrestSection.push([
      arrest.agents.length > 0
        ? fromClaim(arrest, `Forces who carried out the arrest: ${refList(arrest.agents)}.`)
        : unstated('Identity of the arresting authority'),
    ]);
    arrestSection.push([unstated('Whether a warrant or other decision by a public authority was shown')]);
    arrestSection.push([unstated('Authority that issued the warrant or decision')]);
    arrestSection.push([
      arrest.reason ? fromClaim(arrest, `Reasons for the arrest: ${arrest.reason}.`) : unstated('Reasons for the arrest given by the authorities'),
    ]);
    arrestSection.push([unstated('Legal basis invoked for the arrest')]);
    for (const context of arrest.context ?? []) {
      arrestSection.push([fromClaim(arrest, `Context named by the sources: ${describeContext(context, events)}.`)]);
    }
  }

  // III. Detention
  const detentions = ofType('Detention');
  const sentencings = ofType('Sentencing');
  const places = claims.filter((c) => c.kind === 'placeOfDetention');
  const charges = claims.filter((c) => c.kind === 'charge');
  const sentences = claims.filter((c) => c.kind === 'sentence');
  const detentionSection: Sentence[][] = [];
  for (const detention of detentions.length > 0 ? detentions : [undefined]) {
    if (detention?.date) detentionSection.push([fromClaim(detention, `Date of detention: ${formatDate(detention.date)}.`)]);
    else if (detention?.after?.length) {
      detentionSection.push([
        fromClaim(detention, `Date of detention: ${notStated}; the sources place the detention after ${refListWith(detention.after, eventLabel)}.`),
      ]);
    } else detentionSection.push([unstated('Date of detention')]);
  }
  if (sentences.length > 0) {
    detentionSection.push([
      fromClaims(sentences, `Duration of detention: a sentence of ${lowerFirst(sentences.map((s) => s.sentenceType.label ?? '').join(', '))}.`),
    ]);
  } else detentionSection.push([unstated('Duration of detention')]);
  detentionSection.push([unstated('Forces holding the detainee in custody')]);
  if (places.length > 0) {
    detentionSection.push([
      fromClaims(places, `Place of detention: ${places.map((p) => [p.place.label ?? p.place.iri, p.within].filter(Boolean).join(', ')).join('; ')}.`),
    ]);
  } else detentionSection.push([unstated('Place of detention')]);
  detentionSection.push([unstated('Authorities that ordered the detention')]);
  const sentencedBy = sentencings.filter((s) => s.agents.length > 0);
  for (const sentencing of sentencedBy) {
    detentionSection.push([fromClaim(sentencing, `Authority that imposed the sentence, as the sources name it: ${refList(sentencing.agents)}.`)]);
  }
  if (sentencedBy.length === 0) detentionSection.push([unstated('Authority that imposed the sentence')]);
  if (charges.length > 0) {
    detentionSection.push([fromClaims(charges, `Charges: ${charges.map((c) => c.charge.label ?? c.charge.iri).join('; ')}.`)]);
  } else detentionSection.push([unstated('Charges')]);
  detentionSection.push([unstated('Legal basis invoked for the detention, including the legislation applied')]);
  for (const detention of detentions) {
    if (detention.familyReceivedOfficialDocuments === false) {
      detentionSection.push([fromClaim(detention, 'Official documents regarding the detention: the family did not receive any.')]);
    } else if (detention.familyReceivedOfficialDocuments === true) {
      detentionSection.push([fromClaim(detention, 'Official documents regarding the detention: the family received them.')]);
    }
  }

  // IV. Circumstances, and why the detention is arbitrary
  const circumstances: Sentence[] = [];
  // The source's own account of why the person was punished, attributed to it: not the authorities' stated grounds.
  for (const punishment of claims.filter((c): c is PunishmentClaim => c.kind === 'punishment')) {
    const by = punishment.punishedBy.length > 0 ? ` by ${refList(punishment.punishedBy)}` : '';
    circumstances.push(fromClaim(punishment, `The sources state that ${name} was punished${by}${punishment.reason ? ` ${punishment.reason}` : ''}.`));
  }
  for (const context of events.filter((e) => e.scope === 'context')) {
    const when = context.date ? `, dated ${formatDate(context.date)}` : '';
    const where = context.place ? `, at ${context.place.label ?? context.place.iri}` : '';
    circumstances.push(
      fromClaim(context, `The sources set the case in the context of the ${context.typeLabel} “${context.label ?? context.subject}”${when}${where}.`),
    );
  }
  // Dated events in date order, then undated ones apart: placing them among the dated would suggest a date.
  const caseEvents = events.filter((e) => e.scope === 'case' && e.kind === 'event');
  for (const event of caseEvents.filter((e) => e.date)) circumstances.push(...describeEvent(event, name, fromClaim, eventLabel));
  const undated: Sentence[] = [];
  for (const event of caseEvents.filter((e) => !e.date)) undated.push(...describeEvent(event, name, fromClaim, eventLabel));
  const arbitrariness: Sentence[] = [];
  for (const opinion of events.filter((e) => e.kind === 'unFinding')) {
    const body = opinion.agents.length > 0 ? `the ${refList(opinion.agents)}` : 'a UN body';
    const when = opinion.date ? `In ${formatDate(opinion.date)}, ` : '';
    const findings = (opinion.findings ?? []).map((f) => `“${f.label ?? f.iri}”`).join(' and ');
    arbitrariness.push(
      fromClaim(opinion, capitalise(`${when}${body} rendered an opinion on the case of ${name}${findings ? `, with the finding ${findings}` : ''}.`)),
    );
    if (opinion.provisionsViolated?.length) {
      const state = opinion.state ? `${opinion.state.label ?? opinion.state.iri} ` : '';
      const byInstrument = groupBy(opinion.provisionsViolated, (p) => p.instrument ?? '');
      const provisions = [...byInstrument].map(([instrument, list]) =>
        instrument && list.every((p) => p.notation)
          ? `${list.length > 1 ? 'articles' : 'article'} ${joinAnd(list.map((p) => p.notation ?? ''))} of the ${instrument}`
          : joinAnd(list.map((p) => p.label ?? p.iri)),
      );
      arbitrariness.push(fromClaim(opinion, capitalise(`${body} found ${state}in contravention of ${joinAnd(provisions)}.`)));
    }
  }
  if (arbitrariness.length === 0) arbitrariness.push(unstated('Finding of a UN body that the detention is arbitrary'));

  // Where sources disagree, every version is stated as its sources' account; the draft does not choose.
  const disputed: Sentence[] = [];
  if (record.disagreements.length > 0) {
    disputed.push({
      text: 'The sources disagree on the points below; each version is given as the account of the sources that state it.',
      footnote: notes.add('dataset', datasetNote, 'Ibid.'),
    });
  }
  for (const disagreement of record.disagreements) {
    for (const version of disagreement.versions) {
      const who = joinAnd([...new Set(version.sources.map(sourceName))]);
      const what = version.statement ?? `${disagreement.subjectLabel ?? disagreement.subject}: ${version.valueLabel ?? version.value}`;
      const located = version.locators.map((l) => {
        const source = version.sources.find((s) => s.iri === l.source);
        return `${l.locator} (${source ? sourceName(source) : l.source})`;
      });
      const citation = withoutFinalStop(formatFootnoteCitation(version.sources));
      const tail = located.length > 0 ? `; at ${located.join('; ')}` : '';
      disputed.push({
        text: `According to ${who}, ${lowerFirstUnlessName(withoutFinalStop(what))}.`,
        footnote: notes.add(`disputed:${version.claim}`, end(`${citation}${tail}`), end(`Ibid.${tail}`)),
      });
    }
  }

  // V. Steps taken
  const steps: Sentence[][] = [[unstated('Internal steps, including domestic remedies, and their results')]];
  for (const opinion of events.filter((e) => e.kind === 'unFinding')) {
    const when = opinion.date ? ` in ${formatDate(opinion.date)}` : '';
    steps.push([fromClaim(opinion, `International procedure: an opinion of the ${refList(opinion.agents) || 'UN body'}${when}.`)]);
  }
  for (const campaign of events.filter((e) => e.kind === 'campaign')) {
    const by = campaign.agents.length > 0 ? `, by ${refList(campaign.agents)},` : '';
    const count = campaign.numberOfPrisoners !== undefined ? ` covers ${campaign.numberOfPrisoners} prisoners, ${name} among them` : ` concerns ${name}`;
    steps.push([fromClaim(campaign, `Campaign: “${campaign.label ?? campaign.subject}”${by}${count}.`)]);
    if (campaign.callsToAction?.length) {
      steps.push([fromClaim(campaign, `The campaign asks the public to act: ${campaign.callsToAction.map((c) => `“${c}”`).join('; ')}.`)]);
    }
  }
  for (const award of events.filter((e) => e.kind === 'award')) {
    const when = award.date ? `In ${formatDate(award.date)}, ` : '';
    const by = award.agents.length > 0 ? refList(award.agents) : 'an organisation the sources do not name';
    const what = award.award ? ` the ${award.award.label ?? award.award.iri}` : ' an award';
    const why = award.reason ? ` ${award.reason}` : '';
    steps.push([fromClaim(award, capitalise(`${when}${by} awarded ${name}${what}${why}.`))]);
  }

  const sections: CommunicationSection[] = [
    { number: 'I', heading: 'Identity', paragraphs: identitySection },
    { number: 'II', heading: 'Arrest', paragraphs: arrestSection },
    { number: 'III', heading: 'Detention', paragraphs: detentionSection },
    {
      number: 'IV',
      heading: 'Circumstances of the arrest and detention, and why the detention is arbitrary',
      paragraphs: [circumstances, undated, disputed, arbitrariness].filter((p) => p.length > 0),
    },
    { number: 'V', heading: 'Steps taken, including domestic remedies and international procedures', paragraphs: steps },
  ];
  return {
    title: `Draft communication to the Working Group on Arbitrary Detention concerning ${name}`,
    person: record.person,
    datasetVersion: record.datasetVersion,
    preamble,
    sections,
    sourcesHeading: 'VI. Sources',
    sources: record.sources.map((s) => withFinalStop(formatFootnoteCitation([s]))),
    footnotes: notes.footnotes,
  };
}

type FromClaim = (claim: Claim | undefined, text: string) => Sentence;

/** One or two sentences per event, built only from what the event states. */
function describeEvent(event: EventClaim, name: string, fromClaim: FromClaim, eventLabel: (ref: Ref) => string): Sentence[] {
  const on = event.date ? ` on ${formatDate(event.date)}` : '';
  const at = event.place ? ` at ${event.place.label ?? event.place.iri}` : '';
  const before = event.before?.length ? `Before ${event.before.map(eventLabel).join(' and ')}, ` : '';
  const out: Sentence[] = [];
  switch (event.eventType) {
    case 'Arrest':
      out.push(fromClaim(event, `${name} was arrested${on}${at}.`));
      break;
    case 'Detention':
      // Section III states the detention's place and documents; repeating them here would add nothing.
      break;
    case 'Trial':
      out.push(fromClaim(event, `${name} was tried${on}${event.closedTrial === true ? ' in a closed trial' : ''}.`));
      break;
    case 'Sentencing': {
      const what = event.sentenceType ? ` to ${lowerFirst(event.sentenceType.label ?? event.sentenceType.iri)}` : '';
      out.push(fromClaim(event, `${name} was sentenced${what}${on}.`));
      if (event.agents.length > 0 || event.reason) {
        const by = event.agents.length > 0 ? ` by ${refList(event.agents)}` : '';
        out.push(fromClaim(event, `The sources state that the sentence was imposed${by}${event.reason ? ` ${event.reason}` : ''}.`));
      }
      break;
    }
    case 'ForcedConfession':
      out.push(fromClaim(event, capitalise(`${before}${name} was ${event.description ?? 'forced to make statements'}${on}.`)));
      if (event.broadcastIn) out.push(fromClaim(event, `The statements were broadcast in “${event.broadcastIn.label ?? event.broadcastIn.iri}”.`));
      break;
    case 'Publication':
      out.push(fromClaim(event, `${name} ${event.description ?? 'published writing'}${on}.`));
      break;
    case 'Invitation': {
      const role = event.role ? ` to take the role of ${event.role}` : '';
      const site = event.website ? ` for the website ${event.website.label ?? event.website.iri}` : '';
      out.push(fromClaim(event, `${name} was invited${role}${site}${on}.`));
      break;
    }
    default:
      out.push(fromClaim(event, `${capitalise(event.typeLabel)}: ${event.label ?? event.subject}${on}${at}.`));
  }
  return out;
}

function describeContext(ref: Ref, events: readonly EventClaim[]): string {
  const event = events.find((e) => e.subject === ref.iri);
  const label = ref.label ?? ref.iri;
  return event?.date ? `${label}, dated ${formatDate(event.date)}` : label;
}

function refList(refs: readonly Ref[]): string {
  return joinAnd(refs.map((r) => r.label ?? r.iri));
}

function refListWith(refs: readonly Ref[], describe: (ref: Ref) => string): string {
  return joinAnd(refs.map(describe));
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function uniqueSources(sources: readonly SourceSummary[]): SourceSummary[] {
  return [...new Map(sources.map((s) => [s.iri, s])).values()];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cases a controlled-list label used inside a sentence ("Life imprisonment" → "life imprisonment"). */
/** How a version's source is named in "According to A": its publisher, else its title, label or IRI. */
function sourceName(source: SourceSummary): string {
  return source.publisher ?? source.title ?? source.label ?? source.iri;
}

/** A claim's wording after "According to A,": a leading article or pronoun is lowered; a name (any other word) is kept. */
function lowerFirstUnlessName(text: string): string {
  return /^(The|A|An|His|Her|Their|It) /.test(text) ? lowerFirst(text) : text;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function withoutFinalStop(text: string): string {
  return text.replace(/\.$/, '');
}

function withFinalStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Ends a footnote with a full stop unless a quotation already closes on one. */
function end(text: string): string {
  return /[.!?]”?$/.test(text) ? text : `${text}.`;
}
