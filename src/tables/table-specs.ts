// The tidy tables: which SPARQL file fills each, its columns, the property each column states and the tables it points to.
import { casegraphNamespaces, dct, prov, rdf, rdfs, schema, skos } from '../vocabulary/namespaces.js';

/** How a column's cells are written and what CSVW datatype they carry. */
export type ColumnKind =
  /** A casegraph or vocabulary IRI, with a `{name}_label` column beside it. */
  | 'ref'
  /** A web address (a source's URL, a website): an IRI with no label of its own. */
  | 'link'
  | 'text'
  | 'integer'
  | 'boolean'
  | 'duration'
  /** An ISO date of day, month or year precision, with a `{name}_precision` column beside it. */
  | 'date'
  /** Any RDF term (a claim's object): its lexical form or IRI, with `{name}_label` and `{name}_datatype` beside it. */
  | 'term';

export interface ColumnSpec {
  /** The CSV header; also the SPARQL variable unless `variable` says otherwise. */
  readonly name: string;
  readonly kind: ColumnKind;
  readonly description: string;
  /** The SPARQL variable that fills the column (long tables name their `?value` after what it is). */
  readonly variable?: string;
  /** The property the column states of the row's subject (CSVW propertyUrl); absent when it states none. */
  readonly property?: (base: string) => string;
  /** The language tag of the column's literals. */
  readonly lang?: string;
  /** The table whose `iri` column this column's values are (a CSVW foreign key). */
  readonly references?: string;
}

export interface TableBindings {
  readonly class?: (base: string) => string;
  readonly property?: (base: string) => string;
  readonly scheme?: (base: string) => string;
}

export interface TableSpec {
  /** The file stem: `persons` is served as `persons.csv`. */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** The `.rq` file under queries/tables/ (without extension). */
  readonly query: string;
  /** IRIs bound to the query's variables before it runs (as terms, never spliced). */
  readonly bindings?: TableBindings;
  /** True for a table with one row per subject (its `iri` is a primary key); false for a long table. */
  readonly onePerSubject: boolean;
  /** The table whose `iri` column this table's `iri` values are, for long tables. */
  readonly subjectTable?: string;
  /** The columns after `id` and `iri`, which every table has first. */
  readonly columns: readonly ColumnSpec[];
}

const cg = (local: string) => (base: string) => casegraphNamespaces(base).cg(local);
const fixed = (iri: string) => () => iri;

const label: ColumnSpec = { name: 'label', kind: 'text', property: fixed(rdfs('label')), lang: 'en', description: 'The label casegraph shows' };
const comment: ColumnSpec = {
  name: 'comment',
  kind: 'text',
  property: fixed(rdfs('comment')),
  lang: 'en',
  description: 'A note by the editors: spellings, what the sources leave open',
};
const personRef: ColumnSpec = { name: 'person', kind: 'ref', property: cg('concernsPerson'), references: 'persons', description: 'The person concerned' };
const dateColumn: ColumnSpec = {
  name: 'date',
  kind: 'date',
  property: fixed(dct('date')),
  description: 'ISO 8601 date as precise as the sources state it (YYYY-MM-DD, YYYY-MM or YYYY)',
};

/** A code list: every concept of one SKOS scheme. */
function codeList(name: string, title: string, scheme: string, description: string): TableSpec {
  return {
    name,
    title,
    description,
    query: 'code-list',
    bindings: { scheme: cg(scheme) },
    onePerSubject: true,
    columns: [
      { name: 'label', kind: 'text', property: fixed(skos('prefLabel')), lang: 'en', description: 'The preferred label' },
      { name: 'notation', kind: 'text', property: fixed(skos('notation')), description: 'The code within its instrument (an article number)' },
      { name: 'broader', kind: 'ref', property: fixed(skos('broader')), references: name, description: 'The broader concept (an article’s instrument)' },
      { name: 'definition', kind: 'text', property: fixed(rdfs('comment')), lang: 'en', description: 'What the concept means' },
    ],
  };
}

/** A long table: one row per subject of a class and value of one property. */
function longTable(
  name: string,
  title: string,
  subjectTable: string,
  classIri: (base: string) => string,
  value: Omit<ColumnSpec, 'variable'> & { readonly property: (base: string) => string },
): TableSpec {
  return {
    name,
    title,
    description: `${title}: one row per pair, the ${subjectTable} row's id and IRI first`,
    query: 'long-table',
    bindings: { class: classIri, property: value.property },
    onePerSubject: false,
    subjectTable,
    columns: [{ ...value, variable: 'value' }],
  };
}

export const tableSpecs: readonly TableSpec[] = [
  {
    name: 'persons',
    title: 'Persons',
    description: 'One row per person; alternative spellings of names are in person-alternative-names',
    query: 'persons',
    onePerSubject: true,
    columns: [
      label,
      { name: 'name', kind: 'text', property: fixed(schema('name')), description: 'The name as the sources write it' },
      { name: 'gender', kind: 'ref', property: fixed(schema('gender')), references: 'genders', description: 'Gender, where a source states it' },
      { name: 'stated_age', kind: 'integer', property: cg('statedAge'), description: 'The age a source states (at the time of the source), in years' },
      { name: 'ethnicity', kind: 'text', property: cg('ethnicity'), lang: 'en', description: 'Ethnicity as the sources state it' },
      { name: 'home_location', kind: 'ref', property: fixed(schema('homeLocation')), references: 'places', description: 'Where the person lives, as stated' },
      { name: 'spouse', kind: 'ref', property: fixed(schema('spouse')), references: 'persons', description: 'The spouse' },
      comment,
    ],
  },
  longTable('person-alternative-names', 'Alternative spellings of persons’ names', 'persons', fixed(schema('Person')), {
    name: 'alternative_name',
    kind: 'text',
    property: fixed(skos('altLabel')),
    lang: 'en',
    description: 'A spelling some source uses (the person’s comment says which)',
  }),
  {
    name: 'cases',
    title: 'Cases',
    description: 'One row per case; its charges, sentence types and events are in case-charges, case-sentence-types and case-events',
    query: 'cases',
    onePerSubject: true,
    columns: [
      label,
      personRef,
      { name: 'held_at', kind: 'ref', property: cg('heldAt'), references: 'places', description: 'Where the person is held, as the source states it' },
      {
        name: 'punished_by',
        kind: 'ref',
        property: cg('punishedBy'),
        references: 'organisations',
        description: 'Who punished the person, in the source’s account',
      },
      { name: 'reason', kind: 'text', property: cg('reason'), lang: 'en', description: 'What the person was punished for, in the sources’ account' },
      comment,
    ],
  },
  longTable('case-charges', 'Charges of each case', 'cases', cg('Case'), {
    name: 'charge',
    kind: 'ref',
    property: cg('charge'),
    references: 'charges',
    description: 'A charge brought, from the charges code list',
  }),
  longTable('case-sentence-types', 'Sentence types of each case', 'cases', cg('Case'), {
    name: 'sentence_type',
    kind: 'ref',
    property: cg('sentenceType'),
    references: 'sentence-types',
    description: 'A sentence type, from the sentence-types code list',
  }),
  longTable('case-events', 'Events of each case', 'cases', cg('Case'), {
    name: 'event',
    kind: 'ref',
    property: cg('hasEvent'),
    references: 'events',
    description: 'An event of the case',
  }),
  {
    name: 'events',
    title: 'Events',
    description: 'One row per event (arrests, trials, sentencings, opinions, awards, campaigns, …), typed by the event-types code list',
    query: 'events',
    onePerSubject: true,
    columns: [
      { name: 'type', kind: 'ref', property: fixed(rdf('type')), references: 'event-types', description: 'The most specific event type' },
      label,
      dateColumn,
      { name: 'place', kind: 'ref', property: cg('place'), references: 'places', description: 'Where it happened' },
      { name: 'award', kind: 'ref', property: cg('award'), references: 'awards', description: 'The award conferred (award conferrals)' },
      {
        name: 'concerns_state',
        kind: 'ref',
        property: cg('concernsState'),
        references: 'places',
        description: 'The state an opinion concerns (Working Group opinions)',
      },
      { name: 'role', kind: 'text', property: cg('role'), lang: 'en', description: 'The role offered (invitations)' },
      { name: 'closed_trial', kind: 'boolean', property: cg('closedTrial'), description: 'Whether the trial was closed, where a source says (trials)' },
      {
        name: 'family_received_official_documents',
        kind: 'boolean',
        property: cg('familyReceivedOfficialDocuments'),
        description: 'Whether the family received official documents, where a source says',
      },
      { name: 'number_of_prisoners', kind: 'integer', property: cg('numberOfPrisoners'), description: 'How many prisoners a campaign is for (campaigns)' },
      { name: 'broadcast_in', kind: 'ref', property: cg('broadcastIn'), description: 'The programme the statements were broadcast in (forced confessions)' },
      { name: 'description', kind: 'text', property: fixed(schema('description')), lang: 'en', description: 'A description' },
      comment,
    ],
  },
  longTable('event-persons', 'Persons each event concerns', 'events', cg('Event'), {
    name: 'person',
    kind: 'ref',
    property: cg('concernsPerson'),
    references: 'persons',
    description: 'A person the event concerns',
  }),
  longTable('event-agents', 'Agents of each event', 'events', cg('Event'), {
    name: 'agent',
    kind: 'ref',
    property: cg('agent'),
    description: 'Who acted (a person or an organisation)',
  }),
  longTable('event-occurred-before', 'Events known to precede others', 'events', cg('Event'), {
    name: 'before',
    kind: 'ref',
    property: cg('occurredBefore'),
    references: 'events',
    description: 'An event this one happened before, where a source gives only the order',
  }),
  longTable('event-occurred-after', 'Events known to follow others', 'events', cg('Event'), {
    name: 'after',
    kind: 'ref',
    property: cg('occurredAfter'),
    references: 'events',
    description: 'An event this one happened after, where a source gives only the order',
  }),
  longTable('event-statements-concerned', 'Persons each forced statement concerned', 'events', cg('Event'), {
    name: 'person',
    kind: 'ref',
    property: cg('statementsConcerned'),
    references: 'persons',
    description: 'A person the statements concerned',
  }),
  longTable('event-calls-to-action', 'Calls to action of each campaign', 'events', cg('Event'), {
    name: 'call_to_action',
    kind: 'text',
    property: cg('callToAction'),
    lang: 'en',
    description: 'What the campaign asks readers to do',
  }),
  {
    name: 'contexts',
    title: 'Contexts of cases and events',
    description: 'One row per case or event and the event that forms its context',
    query: 'property-table',
    bindings: { property: cg('context') },
    onePerSubject: false,
    columns: [
      { name: 'context', variable: 'value', kind: 'ref', property: cg('context'), references: 'events', description: 'An event that forms the context' },
    ],
  },
  {
    name: 'sentences',
    title: 'Sentences',
    description: 'One row per sentencing event, with the sentence type and length the sources state',
    query: 'sentences',
    onePerSubject: true,
    subjectTable: 'events',
    columns: [
      label,
      personRef,
      { name: 'sentence_type', kind: 'ref', property: cg('sentenceType'), references: 'sentence-types', description: 'The sentence type' },
      { name: 'duration', kind: 'duration', property: fixed(schema('duration')), description: 'The length of the sentence, ISO 8601 (P10Y is ten years)' },
      dateColumn,
    ],
  },
  {
    name: 'findings',
    title: 'Opinion findings',
    description: 'One row per Working Group opinion and finding; the provisions it found contravened are in finding-provisions',
    query: 'findings',
    onePerSubject: true,
    subjectTable: 'events',
    columns: [
      label,
      personRef,
      { name: 'finding', kind: 'ref', property: cg('finding'), references: 'finding-types', description: 'What the opinion found' },
      dateColumn,
    ],
  },
  longTable('finding-provisions', 'Provisions each opinion found contravened', 'findings', cg('WorkingGroupOpinion'), {
    name: 'provision',
    kind: 'ref',
    property: cg('provisionViolated'),
    references: 'provisions',
    description: 'A provision found contravened',
  }),
  {
    name: 'organisations',
    title: 'Organisations',
    description: 'One row per organisation',
    query: 'organisations',
    onePerSubject: true,
    columns: [
      label,
      { name: 'name', kind: 'text', property: fixed(schema('name')), description: 'The name as the sources write it' },
      { name: 'description', kind: 'text', property: fixed(schema('description')), lang: 'en', description: 'A description' },
      { name: 'website', kind: 'link', property: cg('website'), description: 'Its website' },
    ],
  },
  {
    name: 'places',
    title: 'Places',
    description: 'One row per place',
    query: 'places',
    onePerSubject: true,
    columns: [
      label,
      { name: 'name', kind: 'text', property: fixed(schema('name')), description: 'The name as the sources write it' },
      { name: 'contained_in', kind: 'ref', property: fixed(schema('containedInPlace')), references: 'places', description: 'The place it lies in' },
    ],
  },
  {
    name: 'sources',
    title: 'Sources',
    description: 'One row per source, with title, publisher, date and URL as far as the graph gives them',
    query: 'sources',
    onePerSubject: true,
    columns: [
      label,
      { name: 'title', kind: 'text', property: fixed(dct('title')), description: 'The title the source gives itself' },
      { name: 'publisher', kind: 'ref', property: fixed(dct('publisher')), references: 'organisations', description: 'Who publishes it' },
      { ...dateColumn, description: 'When it was published, as precise as it says (YYYY-MM-DD, YYYY-MM or YYYY)' },
      { name: 'url', kind: 'link', property: fixed(schema('url')), description: 'Where it is found' },
      { name: 'held_copy', kind: 'text', property: cg('heldCopy'), description: 'The project’s copy of its text (a path), for held sources' },
      { name: 'part_of', kind: 'ref', property: fixed(schema('isPartOf')), description: 'The work it is a part of (a series)' },
      { name: 'position', kind: 'integer', property: fixed(schema('position')), description: 'Its place in that series (1, 2, 3)' },
    ],
  },
  longTable('source-references', 'Sources each source names', 'sources', cg('Source'), {
    name: 'references',
    kind: 'ref',
    property: fixed(dct('references')),
    references: 'sources',
    description: 'A source it names or links to',
  }),
  {
    name: 'statements',
    title: 'Statements of context',
    description: 'One row per statement of context a source makes (about the unrest, the Internet shutdown, …); what each is about is in statement-about',
    query: 'statements',
    onePerSubject: true,
    columns: [label, comment],
  },
  longTable('statement-about', 'What each statement of context is about', 'statements', cg('ContextStatement'), {
    name: 'about',
    kind: 'ref',
    property: fixed(schema('about')),
    description: 'An event or organisation the statement is about',
  }),
  {
    name: 'claims',
    title: 'Claims',
    description: 'One row per claim a source makes (or sources disagree on): the statement as subject, predicate and object',
    query: 'claims',
    onePerSubject: true,
    columns: [
      label,
      { name: 'subject', kind: 'ref', property: fixed(rdf('subject')), description: 'What the claim is about' },
      { name: 'predicate', kind: 'ref', property: fixed(rdf('predicate')), description: 'The property claimed' },
      { name: 'object', kind: 'term', property: fixed(rdf('object')), description: 'The value claimed (an IRI, or a literal of the datatype beside it)' },
    ],
  },
  {
    name: 'claim-sources',
    title: 'Sources of each claim',
    description: 'One row per claim and source, with where in the source it says so',
    query: 'claim-sources',
    onePerSubject: false,
    subjectTable: 'claims',
    columns: [
      { name: 'source', kind: 'ref', property: fixed(prov('wasDerivedFrom')), references: 'sources', description: 'A source of the claim' },
      { name: 'locator', kind: 'text', description: 'Where in the source: page, paragraph, heading or timestamp' },
    ],
  },
  {
    name: 'derivations',
    title: 'Sources of every node',
    description: 'One row per node and source it is derived from (persons, cases, events, organisations, places, concepts, claims)',
    query: 'property-table',
    bindings: { property: fixed(prov('wasDerivedFrom')) },
    onePerSubject: false,
    columns: [{ name: 'source', variable: 'value', kind: 'ref', property: fixed(prov('wasDerivedFrom')), references: 'sources', description: 'A source' }],
  },
  {
    name: 'excerpts',
    title: 'Excerpts',
    description: 'One row per node and verbatim excerpt of a held source that states it (quotations are not under CC BY)',
    query: 'property-table',
    bindings: { property: cg('excerpt') },
    onePerSubject: false,
    columns: [{ name: 'excerpt', variable: 'value', kind: 'text', property: cg('excerpt'), description: 'The shortest span of the source’s words' }],
  },
  codeList('charges', 'Charges', 'Charges', 'The charges code list (SKOS scheme cg:Charges)'),
  codeList('sentence-types', 'Sentence types', 'SentenceTypes', 'The sentence types code list (SKOS scheme cg:SentenceTypes)'),
  codeList('finding-types', 'Finding types', 'Findings', 'What opinions find (SKOS scheme cg:Findings)'),
  codeList('awards', 'Awards', 'Awards', 'The awards code list (SKOS scheme cg:Awards)'),
  codeList('provisions', 'Legal provisions', 'LegalInstruments', 'Legal instruments and their articles (SKOS scheme cg:LegalInstruments)'),
  codeList('event-types', 'Event types', 'EventTypes', 'The event types (SKOS scheme cg:EventTypes; each is also a class of events)'),
  {
    name: 'genders',
    title: 'Genders',
    description: 'The schema.org GenderType members the persons are given',
    query: 'genders',
    onePerSubject: true,
    columns: [{ ...label, property: undefined, description: 'The label, where the graph holds one' }],
  },
];

const byName = new Map(tableSpecs.map((t) => [t.name, t]));

export function findTableSpec(name: string): TableSpec | undefined {
  return byName.get(name);
}
