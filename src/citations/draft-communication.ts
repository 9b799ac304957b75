// Builds a draft communication to the UN Working Group on Arbitrary Detention from a person's claims: every sentence footnoted.
import { casegraphNamespaces, relativeNamespaces } from '../vocabulary/namespaces.js';
import { formatFootnoteCitation } from './citation-formats.js';
import type { Claim, DateValue, EventClaim, IdentityClaim, PersonClaims, PunishmentClaim, Ref, SourceSummary, WorkingGroupCategory } from './person-claims.js';

/** What the draft says of a field no source states; the README and the tests rely on these exact words. */
export const notStated = 'not stated in the sources';

/**
 * One sentence and the footnote that says where it comes from, with the verbatim excerpts that footnote cites
 * (a quotation in the sentence must be one of them, or part of one). A drafter's note has no footnote: it says
 * what the draft infers or how it is laid out, never a fact of the case.
 */
export interface Sentence {
  readonly text: string;
  readonly footnote: number | null;
  readonly excerpts: readonly string[];
}

/**
 * What only the submitter knows, from the request: never read from the graph, never stored or logged. A missing
 * item is printed as `blank`, to fill in by hand.
 */
export interface SubmissionDetails {
  readonly name?: string;
  readonly organisation?: string;
  readonly address?: string;
  readonly contact?: string;
  readonly relationship?: string;
  readonly consent?: string;
  readonly confidentiality?: string;
  readonly date?: string;
}

/** The field names of `SubmissionDetails`, in the order section VI prints them, with their labels. */
export const submissionFields: ReadonlyArray<readonly [keyof SubmissionDetails, string]> = [
  ['name', 'Name of the submitter'],
  ['organisation', 'Organisation'],
  ['address', 'Postal address'],
  ['contact', 'E-mail and telephone'],
  ['relationship', 'Relationship to the person concerned'],
  ['consent', 'Consent of the person or the family to the submission, and its form'],
  ['confidentiality', 'Confidentiality requested (of the submitter’s or the person’s identity)'],
  ['date', 'Date'],
];

/** What the draft prints where the submitter has not supplied an item. */
export const blank = '[to be completed by the submitter]';

/** Opens every sentence that is the drafter's own reading, not the sources'. */
export const drafterNote = 'Drafter’s note:';

export interface CommunicationSection {
  /** Roman numeral of the WGAD model questionnaire. */
  readonly number: string;
  readonly heading: string;
  /** True for the submitter's part (VI): its lines come from the request, not from sources, and have no footnote. */
  readonly form?: boolean;
  /** Paragraphs of footnoted sentences. */
  readonly paragraphs: ReadonlyArray<readonly Sentence[]>;
}

export interface Footnote {
  readonly number: number;
  readonly text: string;
}

/** One claim the draft relies on, for the drafter's evidence table: where it is used and what it rests on. */
export interface EvidenceRow {
  /** The claim's id in the claims API (`event/gulmire-imin-arrest`), or the cg:Claim IRI of a disputed version. */
  readonly claim: string;
  readonly kind: string;
  /** The footnotes that cite it, in order. */
  readonly notes: readonly number[];
  /** The first sentence of the draft that rests on it. */
  readonly sentence: string;
  readonly sources: readonly SourceSummary[];
  readonly excerpts: readonly string[];
  readonly singleSource: boolean;
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
  /** Reference-list entries in the UN footnote style: the sources the footnotes cite, in order of first citation. */
  readonly sources: readonly string[];
  readonly furtherSourcesHeading: string;
  /** The person's other sources: named by a cited source, supporting no statement of the draft. */
  readonly furtherSources: readonly string[];
  readonly footnotes: readonly Footnote[];
  /** Every claim the draft's sentences rest on, in order of first use. */
  readonly evidence: readonly EvidenceRow[];
  /** The submitter's items as this request gave them (trimmed, empty ones left out), for the HTML form to keep. */
  readonly submission: SubmissionDetails;
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

/**
 * Collects footnotes as sentences are written, in UN editorial manner: the full reference the first time a
 * source is cited, "Ibid." when a note cites the same sources as the note just before it (with the quotation only
 * when it differs), and a shortened form (body, title) when a source cited earlier comes back.
 */
class FootnoteWriter {
  readonly footnotes: Footnote[] = [];
  /** Sources in order of first citation. */
  readonly cited = new Map<string, SourceSummary>();
  private previous: { key: string; quotes: string } | undefined;
  private firstUnstated: number | undefined;

  /** `located`: where in the sources, as "; at p. 3 (Amnesty International)"; it follows Ibid. too, as it may differ. */
  cite(sources: readonly SourceSummary[], excerpts: readonly string[], located = ''): number {
    const number = this.footnotes.length + 1;
    const key = sources.map((s) => s.iri).join(' ');
    const quotes = excerpts.map((e) => `“${e}”`).join('; ') + located;
    const tail = quotes ? `${excerpts.length > 0 ? ': ' : ''}${quotes}` : '';
    let text: string;
    if (this.previous?.key === key) text = this.previous.quotes === quotes ? 'Ibid.' : end(`Ibid.${tail}`);
    else if (sources.every((s) => this.cited.has(s.iri))) text = end(`${sources.map(shortCitation).join('; ')}${tail}`);
    else text = end(`${withoutFinalStop(formatFootnoteCitation(sources))}${tail}`);
    for (const source of sources) if (!this.cited.has(source.iri)) this.cited.set(source.iri, source);
    this.footnotes.push({ number, text });
    this.previous = { key, quotes };
    return number;
  }

  /** A field no source states: the first such note names the sources consulted, later ones point back to it. */
  unstated(consulted: readonly SourceSummary[]): number {
    const number = this.footnotes.length + 1;
    let text: string;
    if (consulted.length === 0) text = 'No source of this record states it.';
    else if (this.firstUnstated === undefined) {
      text = `Not stated in the sources consulted: ${withoutFinalStop(formatFootnoteCitation(consulted))}.`;
      this.firstUnstated = number;
      for (const source of consulted) if (!this.cited.has(source.iri)) this.cited.set(source.iri, source);
    } else text = `Not stated in the sources consulted (see note ${this.firstUnstated}).`;
    this.footnotes.push({ number, text });
    this.previous = { key: 'unstated', quotes: '' };
    return number;
  }

  /** A note on the dataset itself, not on a source of the case. */
  note(key: string, text: string): number {
    const number = this.footnotes.length + 1;
    this.footnotes.push({ number, text: this.previous?.key === key ? 'Ibid.' : text });
    this.previous = { key, quotes: '' };
    return number;
  }
}

/** Shortened form for a source cited before: its body and title, without date or URL. */
function shortCitation(source: SourceSummary): string {
  const title = source.title !== null ? `“${source.title}”` : source.label !== null ? `[${source.label}]` : sourceLabel(source.iri);
  return [source.publisher, title].filter(Boolean).join(', ');
}

function sourceLabel(iri: string): string {
  return iri.slice(iri.lastIndexOf('/') + 1);
}

export interface DraftOptions {
  /** Where the dataset is cited: its public base (PUBLIC_BASE_IRI, else BASE_IRI). */
  readonly datasetIri: string;
  /** From the request only; absent items stay blank. */
  readonly submission?: SubmissionDetails;
  /** The Working Group's categories (reference data); without them the draft suggests none. */
  readonly categories?: readonly WorkingGroupCategory[];
}

/** Universal Declaration articles whose exercise Category II names, as the methods of work list them. */
const categoryTwoArticles = ['7', '13', '14', '18', '19', '20', '21'];
/** Universal Declaration articles on a fair trial: a fair and public hearing (10), presumption of innocence (11). */
const fairTrialArticles = ['10', '11'];
const udhr = 'Universal Declaration of Human Rights';

export function draftCommunication(record: PersonClaims, options: DraftOptions): Communication {
  const notes = new FootnoteWriter();
  const name = record.person.name ?? record.person.id;
  const consulted = record.sources.filter((s) => s.supportsClaims);
  const base = casegraphNamespaces(options.datasetIri).base;

  const evidence = new Map<string, { row: EvidenceRow; notes: number[] }>();
  const used = (row: Omit<EvidenceRow, 'notes'>, footnote: number) => {
    const seen = evidence.get(row.claim);
    if (seen) seen.notes.push(footnote);
    else evidence.set(row.claim, { row: { ...row, notes: [] }, notes: [footnote] });
  };
  const fromClaims = (list: readonly Claim[], text: string): Sentence => {
    if (list.length === 0) return unstated(text);
    const sources = uniqueSources(list.flatMap((c) => c.sources));
    const excerpts = [...new Set(list.flatMap((c) => c.excerpts))];
    const footnote = notes.cite(sources, excerpts);
    for (const c of list) used({ claim: c.id, kind: c.kind, sentence: text, sources: c.sources, excerpts: c.excerpts, singleSource: c.singleSource }, footnote);
    return { text, footnote, excerpts };
  };
  const fromClaim = (claim: Claim | undefined, text: string): Sentence => (claim ? fromClaims([claim], text) : unstated(text));
  function unstated(field: string): Sentence {
    return { text: `${field}: ${notStated}.`, footnote: notes.unstated(consulted), excerpts: [] };
  }
  const field = (label: string, claim: Claim | undefined, value: string | undefined): Sentence =>
    claim && value !== undefined ? fromClaim(claim, `${label}: ${value}.`) : unstated(label);
  const note = (text: string): Sentence => ({ text: `${drafterNote} ${text}`, footnote: null, excerpts: [] });

  const claims = record.claims;
  const identity = (f: IdentityClaim['field']) => claims.find((c): c is IdentityClaim => c.kind === 'identity' && c.field === f);
  const events = claims.filter((c): c is EventClaim => c.kind === 'event' || c.kind === 'unFinding' || c.kind === 'award' || c.kind === 'campaign');
  const ofType = (type: string) => events.filter((e) => e.eventType === type && e.scope === 'case');

  const opinions = events.filter((e) => e.kind === 'unFinding');
  const datasetNote = `casegraph dataset, version ${record.datasetVersion}. Available at ${base} (SPARQL endpoint ${base}${relativeNamespaces.sparqlEndpoint}).`;
  const preamble: Sentence[] = [
    { text: `This draft was drawn from the casegraph dataset, version ${record.datasetVersion}.`, footnote: notes.note('dataset', datasetNote), excerpts: [] },
    {
      text: `Each statement is footnoted to the sources that support it; a field that no source states is marked ${notStated}.`,
      footnote: notes.note('dataset', datasetNote),
      excerpts: [],
    },
  ];
  // A case the Working Group has already given an opinion on calls for a follow-up, which must say so and cite it.
  for (const opinion of opinions) {
    const when = opinion.date ? ` in ${formatDate(opinion.date)}` : '';
    const body = opinion.agents.length > 0 ? `the ${refList(opinion.agents)}` : 'a UN body';
    preamble.push(
      fromClaim(
        opinion,
        `This is a follow-up submission: ${sourcesWord(opinion)} ${states(opinion)} that ${body} rendered an opinion on the case of ${name}${when}.`,
      ),
    );
  }

  // I. Identity
  const nameClaim = identity('name');
  const gender = identity('gender');
  const age = identity('statedAge');
  const ethnicity = identity('ethnicity');
  // The person's activity where the sources tie it to the case: what they published, roles they were offered.
  const activity = events.filter((e) => e.scope === 'case' && (e.eventType === 'Publication' || e.eventType === 'Invitation'));
  const identitySection: Sentence[][] = [
    [field('Name', nameClaim, nameClaim ? String(nameClaim.value) : undefined)],
    [field('Sex', gender, gender ? String(gender.value) : undefined)],
    [unstated('Date of birth')],
    [
      age
        ? fromClaim(age, `Age: ${age.value}, as ${sourcesWord(age)} ${states(age)} it; the date at which this age applied is ${notStated}.`)
        : unstated('Age'),
    ],
    [unstated('Nationality')],
    [field('Ethnicity, as stated', ethnicity, ethnicity ? String(ethnicity.value) : undefined)],
    [unstated('Identity document')],
    [unstated('Profession')],
    ...activity.map((event) => [fromClaim(event, `Activity bearing on the case: ${name} ${describeActivity(event)}.`)]),
    [unstated('Address of usual residence')],
    [unstated('Current status')],
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
      arrestSection.push([fromClaim(arrest, `Context named by ${sourcesWord(arrest)}: ${describeContext(context, events)}.`)]);
    }
  }

  // III. Detention
  const detentions = ofType('Detention');
  const sentencings = ofType('Sentencing');
  const places = claims.filter((c) => c.kind === 'placeOfDetention');
  const charges = claims.filter((c) => c.kind === 'charge');
  const sentences = claims.filter((c) => c.kind === 'sentence');
  const detentionSection: Sentence[][] = [];
  // An undated detention stays undated: its order after the arrest is the graph's reading, not a statement to cite.
  for (const detention of detentions.length > 0 ? detentions : [undefined]) {
    detentionSection.push([detention?.date ? fromClaim(detention, `Date of detention: ${formatDate(detention.date)}.`) : unstated('Date of detention')]);
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
    detentionSection.push([
      fromClaim(sentencing, `Authority that imposed the sentence, as ${sourcesWord(sentencing)} ${names(sentencing)} it: ${refList(sentencing.agents)}.`),
    ]);
  }
  if (sentencedBy.length === 0) detentionSection.push([unstated('Authority that imposed the sentence')]);
  if (charges.length > 0) {
    const ordered = inSourceOrder(charges, (c) => c.charge.label ?? c.charge.iri);
    const label = ordered.inOrder ? `Charges, in the order ${lists(charges)}` : 'Charges';
    detentionSection.push([fromClaims(charges, `${label}: ${ordered.items.map((c) => c.charge.label ?? c.charge.iri).join('; ')}.`)]);
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
    circumstances.push(
      fromClaim(
        punishment,
        `${capitalise(sourcesWord(punishment))} ${states(punishment)} that ${name} was punished${by}${punishment.reason ? ` ${punishment.reason}` : ''}.`,
      ),
    );
  }
  for (const context of events.filter((e) => e.scope === 'context')) {
    const when = context.date ? ` dated ${formatDate(context.date)}` : '';
    const where = context.place ? `, at ${context.place.label ?? context.place.iri}` : '';
    circumstances.push(
      fromClaim(context, `${capitalise(sourcesWord(context))} ${sets(context)} the case in the context of the ${context.typeLabel}${when}${where}.`),
    );
  }
  // Dated events in date order; undated ones apart, after a note, as placing them among the dated would suggest a date.
  const caseEvents = events.filter((e) => e.scope === 'case' && e.kind === 'event' && !activity.includes(e));
  for (const event of caseEvents.filter((e) => e.date)) circumstances.push(...describeEvent(event, name, fromClaim, events));
  const undated: Sentence[] = [];
  const undatedEvents = caseEvents.filter((e) => !e.date);
  for (const event of undatedEvents) undated.push(...describeEvent(event, name, fromClaim, events));
  const undatedSources = uniqueSources(undatedEvents.flatMap((e) => e.sources)).length;
  const undatedNote =
    undated.length > 0
      ? [
          note(
            `${undatedSources === 1 ? 'the source gives' : 'the sources give'} no date for what the next paragraph states; its place after the dated events says nothing about when it happened.`,
          ),
        ]
      : [];
  const arbitrariness: Sentence[] = [];
  for (const opinion of events.filter((e) => e.kind === 'unFinding')) {
    const body = opinion.agents.length > 0 ? `the ${refList(opinion.agents)}` : 'a UN body';
    const when = opinion.date ? `In ${formatDate(opinion.date)}, ` : '';
    const findings = (opinion.findings ?? []).map((f) => lowerFirst(f.label ?? f.iri)).join('; ');
    arbitrariness.push(
      fromClaim(opinion, capitalise(`${when}${body} rendered an opinion on the case of ${name}${findings ? `, with the finding: ${findings}` : ''}.`)),
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

  // Categories the drafter may argue: each only where a provision found violated or a fact of the graph
  // triggers it, with that trigger and the category's definition, each footnoted to its own source.
  const suggestions: Sentence[][] = [];
  const byNotation = new Map((options.categories ?? []).map((c) => [c.notation, c]));
  const suggest = (notation: string, why: string, triggers: Sentence[]) => {
    const category = byNotation.get(notation);
    if (!category || triggers.length === 0) return;
    suggestions.push(
      [note(`Category ${notation} may be argued, as ${why}. This is a suggestion, not a finding: the drafter decides whether to argue it.`)],
      [
        ...triggers,
        {
          text: `Category ${notation}, in summary of the Working Group’s methods of work: ${lowerFirst(withoutFinalStop(category.definition))}.`,
          footnote: notes.cite([category.source], []),
          excerpts: [],
        },
      ],
    );
  };
  // One trigger sentence per opinion that found any of `articles` of the Universal Declaration violated.
  const provisionTrigger = (articles: readonly string[]): Sentence[] =>
    opinions.flatMap((opinion) => {
      const found = (opinion.provisionsViolated ?? []).flatMap((p) =>
        p.instrument === udhr && p.notation !== null && articles.includes(p.notation) ? [p.notation] : [],
      );
      if (found.length === 0) return [];
      const body = opinion.agents.length > 0 ? `the ${refList(opinion.agents)}` : 'a UN body';
      const state = opinion.state ? `${opinion.state.label ?? opinion.state.iri} ` : '';
      const word = found.length > 1 ? 'articles' : 'article';
      return [
        fromClaim(
          opinion,
          `Trigger: ${sourcesWord(opinion)} ${states(opinion)} that ${body} found ${state}in contravention of ${word} ${joinAnd(found)} of the ${udhr}.`,
        ),
      ];
    });
  suggest('II', 'a provision found violated is among the rights Category II names', provisionTrigger(categoryTwoArticles));
  const closedTrials = ofType('Trial').filter((t) => t.closedTrial === true);
  suggest('III', 'a fair-trial provision was found violated or the trial was closed', [
    ...provisionTrigger(fairTrialArticles),
    ...closedTrials.map((trial) => fromClaim(trial, `Trigger: ${sourcesWord(trial)} ${states(trial)} that the trial was closed.`)),
  ]);
  if (suggestions.length > 0) {
    suggestions.unshift([
      note(
        'the Working Group’s categories below are suggested from the provisions found violated and the facts above; they are not findings. A category not named is not suggested, as no provision or fact in the graph bears on it.',
      ),
    ]);
  }

  // Where sources disagree, every version is stated as its sources' account; the draft does not choose.
  const disputed: Sentence[] = [];
  if (record.disagreements.length > 0) {
    disputed.push({
      text: 'The sources disagree on the points below; each version is given as the account of the sources that state it.',
      footnote: notes.note('dataset', datasetNote),
      excerpts: [],
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
      const tail = located.length > 0 ? `; at ${located.join('; ')}` : '';
      // The version's wording is casegraph's (the claim's label), so it is never quoted.
      const text = `According to ${who}, ${lowerFirstUnlessName(withoutFinalStop(what))}.`;
      const sources = uniqueSources(version.sources);
      const footnote = notes.cite(sources, [], tail);
      used({ claim: version.claim, kind: 'disputed', sentence: text, sources, excerpts: [], singleSource: sources.length === 1 }, footnote);
      disputed.push({ text, footnote, excerpts: [] });
    }
  }

  // V. Steps taken
  const steps: Sentence[][] = [[unstated('Internal steps, including domestic remedies, and their results')]];
  for (const opinion of events.filter((e) => e.kind === 'unFinding')) {
    const when = opinion.date ? ` in ${formatDate(opinion.date)}` : '';
    steps.push([fromClaim(opinion, `International procedure: an opinion of the ${refList(opinion.agents) || 'UN body'}${when}.`)]);
  }
  for (const campaign of events.filter((e) => e.kind === 'campaign')) {
    const by = campaign.agents.length > 0 ? ` by ${refList(campaign.agents)}` : '';
    const count = campaign.numberOfPrisoners !== undefined ? ` covers ${campaign.numberOfPrisoners} prisoners, ${name} among them` : ` concerns ${name}`;
    steps.push([fromClaim(campaign, `A campaign${by}${count}.`)]);
    if (campaign.callsToAction?.length) {
      steps.push([
        fromClaim(campaign, `The campaign asks the public to act: ${campaign.callsToAction.map((c) => verbatim(c, campaign.excerpts)).join('; ')}.`),
      ]);
    }
  }
  for (const award of events.filter((e) => e.kind === 'award')) {
    const when = award.date ? `In ${formatDate(award.date)}, ` : '';
    const by = award.agents.length > 0 ? refList(award.agents) : `an organisation ${sourcesWord(award)} ${doNot(award)} name`;
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
      paragraphs: [circumstances, undatedNote, undated, disputed, arbitrariness, ...suggestions].filter((p) => p.length > 0),
    },
    { number: 'V', heading: 'Steps taken, including domestic remedies and international procedures', paragraphs: steps },
    { number: 'VI', heading: 'Full name and address of the submitter, date and signature', form: true, paragraphs: submitterSection(options.submission) },
  ];
  const cited = [...notes.cited.values()];
  return {
    title: `Draft ${opinions.length > 0 ? 'follow-up ' : ''}communication to the Working Group on Arbitrary Detention concerning ${name}`,
    person: record.person,
    datasetVersion: record.datasetVersion,
    preamble,
    sections,
    sourcesHeading: 'Sources cited',
    sources: cited.map((s) => withFinalStop(formatFootnoteCitation([s]))),
    furtherSourcesHeading: 'Further sources named by the cited sources',
    furtherSources: record.sources.filter((s) => !notes.cited.has(s.iri)).map((s) => withFinalStop(formatFootnoteCitation([s]))),
    footnotes: notes.footnotes,
    evidence: [...evidence.values()].map(({ row, notes: cited }) => ({ ...row, notes: cited })),
    submission: givenSubmission(options.submission),
  };
}

type FromClaim = (claim: Claim | undefined, text: string) => Sentence;

/** The items given, trimmed; an empty one counts as not given. */
function givenSubmission(details: SubmissionDetails = {}): SubmissionDetails {
  const given: Partial<Record<keyof SubmissionDetails, string>> = {};
  for (const [key] of submissionFields) {
    const value = details[key]?.trim();
    if (value) given[key] = value;
  }
  return given;
}

/** Section VI, one line per item: the submitter's words as given (trimmed), or the blank. */
function submitterSection(details: SubmissionDetails = {}): Sentence[][] {
  const line = (text: string): Sentence[] => [{ text, footnote: null, excerpts: [] }];
  const given = givenSubmission(details);
  return [...submissionFields.map(([key, label]) => line(`${label}: ${given[key] ?? blank}`)), line('Signature: [to be signed by the submitter]')];
}

/** What the person did, as the event states it: "published …", "was invited to become an administrator for …". */
function describeActivity(event: EventClaim): string {
  if (event.eventType === 'Invitation') {
    const role = event.role ? ` to become ${article(event.role)} ${event.role}` : '';
    const site = event.website ? ` for the website ${event.website.label ?? event.website.iri}` : '';
    return `was invited${role}${site}`;
  }
  return event.description ?? 'published writing';
}

/** One or two sentences per event, built only from what the event states. */
function describeEvent(event: EventClaim, name: string, fromClaim: FromClaim, events: readonly EventClaim[]): Sentence[] {
  const on = event.date ? ` on ${formatDate(event.date)}` : '';
  const at = event.place ? ` at ${event.place.label ?? event.place.iri}` : '';
  const named = (ref: Ref): string => {
    const other = events.find((e) => e.subject === ref.iri);
    return other ? `the ${other.typeLabel}` : (ref.label ?? ref.iri);
  };
  const before = event.before?.length ? `Before ${joinAnd(event.before.map(named))}, ` : '';
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
        out.push(
          fromClaim(event, `${capitalise(sourcesWord(event))} ${states(event)} that the sentence was imposed${by}${event.reason ? ` ${event.reason}` : ''}.`),
        );
      }
      break;
    }
    case 'ForcedConfession':
      out.push(fromClaim(event, capitalise(`${before}${name} was ${event.description ?? 'forced to make statements'}${on}.`)));
      if (event.broadcastIn) {
        out.push(fromClaim(event, `The statements were included in a ${verbatim(event.broadcastIn.label ?? event.broadcastIn.iri, event.excerpts)}.`));
      }
      break;
    case 'Publication':
    case 'Invitation':
      out.push(fromClaim(event, `${name} ${describeActivity(event)}${on}.`));
      break;
    default:
      out.push(fromClaim(event, `${capitalise(event.typeLabel)}${on}${at}.`));
  }
  return out;
}

/** A value in quotation marks only when a cited excerpt holds it word for word; otherwise our own words, unquoted. */
function verbatim(text: string, excerpts: readonly string[]): string {
  return excerpts.some((e) => e.includes(text)) ? `“${text}”` : text;
}

/**
 * Items in the order the source lists them, read from where each one's label first occurs in the cited excerpts
 * (case-insensitive); `inOrder` is false when any label is absent from them, and the items keep the graph's order.
 */
function inSourceOrder<T extends Claim>(items: readonly T[], label: (item: T) => string): { items: T[]; inOrder: boolean } {
  const text = items
    .flatMap((i) => i.excerpts)
    .join('\n')
    .toLowerCase();
  const placed = items.map((item) => ({ item, at: text.indexOf(label(item).toLowerCase()) }));
  if (placed.some((p) => p.at < 0)) return { items: [...items], inOrder: false };
  return { items: placed.sort((a, b) => a.at - b.at).map((p) => p.item), inOrder: true };
}

/** "the source" for a claim with one source, "the sources" for more: the draft never says more sources agree than do. */
function sourcesWord(claim: Claim): string {
  return claim.sources.length === 1 ? 'the source' : 'the sources';
}

function states(claim: Claim): string {
  return claim.sources.length === 1 ? 'states' : 'state';
}

function sets(claim: Claim): string {
  return claim.sources.length === 1 ? 'sets' : 'set';
}

function lists(claims: readonly Claim[]): string {
  return uniqueSources(claims.flatMap((c) => c.sources)).length === 1 ? 'the source lists them' : 'the sources list them';
}

function names(claim: Claim): string {
  return claim.sources.length === 1 ? 'names' : 'name';
}

function doNot(claim: Claim): string {
  return claim.sources.length === 1 ? 'does not' : 'do not';
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function describeContext(ref: Ref, events: readonly EventClaim[]): string {
  const event = events.find((e) => e.subject === ref.iri);
  if (!event) return ref.label ?? ref.iri;
  return event.date ? `the ${event.typeLabel} dated ${formatDate(event.date)}` : `the ${event.typeLabel}`;
}

function refList(refs: readonly Ref[]): string {
  return joinAnd(refs.map((r) => r.label ?? r.iri));
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

/** How a version's source is named in "According to A": its publisher, else its title, label or IRI. */
function sourceName(source: SourceSummary): string {
  return source.publisher ?? source.title ?? source.label ?? source.iri;
}

/** A claim's wording after "According to A,": a leading article or pronoun is lowered; a name (any other word) is kept. */
function lowerFirstUnlessName(text: string): string {
  return /^(The|A|An|His|Her|Their|It) /.test(text) ? lowerFirst(text) : text;
}

/** Lower-cases a controlled-list label used inside a sentence ("Life imprisonment" → "life imprisonment"). */
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
