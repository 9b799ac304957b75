// The nested shapes of the JSON-LD person documents: one table drives the frames, the context and the JSON Schema.
import { casegraphNamespaces, dct, owl, prov, rdfs, schema } from '../vocabulary/namespaces.js';

/**
 * How one key is filled from the graph (document-frame.ts turns each kind into a JSON-LD frame entry):
 * - `ref`/`refs`: linked resources embedded as `{id, type, label}` (one or null / a list); `type` is absent when
 *   the graph states no class for it;
 * - `links`: linked resources as `{id}` only, never embedded (back-links to persons, which framing could
 *   not embed inside the person's own document, and links out such as owl:sameAs);
 * - `text`/`texts`: literals; `language: 'en'` keys hold English text, the others plain strings;
 * - `date`: a `{"@value", "type"}` object, so the precision (day, month, year) travels with it;
 * - `boolean`, `integer`: native JSON values;
 * - `nodes`: nested documents of another shape, found by following the predicate (or its inverse).
 */
export type KeyKind = 'ref' | 'refs' | 'links' | 'text' | 'texts' | 'date' | 'boolean' | 'integer' | 'nodes';

export interface KeySpec {
  readonly key: string;
  /** Predicate relative to the casegraph namespaces (`cg:`) or absolute. */
  readonly predicate: (base: string) => string;
  readonly kind: KeyKind;
  /** `text`/`texts`: the language the key's literals are in; without it they are plain strings. */
  readonly language?: 'en';
  /** `nodes`: follow the predicate from the object to this node instead (a reverse property). */
  readonly reverse?: boolean;
  /** `nodes`: the shape of the nested documents. */
  readonly nested?: () => NodeShape;
  readonly description: string;
}

export interface NodeShape {
  readonly name: string;
  /** The class of the documents' nodes. */
  readonly classIri: (base: string) => string;
  /**
   * Whether the frame selects nodes by that class (cases among everything that concerns a person). Events are
   * not: they carry their subclass (cg:Arrest) only, and cg:hasEvent already says what they are.
   */
  readonly matchClass: boolean;
  readonly keys: readonly KeySpec[];
}

/**
 * Whether the key is in every document (null or [] when unstated) or only when the graph has a value. Framing
 * gives no default to reverse properties (cases, campaigns), and jsonld.js compacts a defaulted null or [] under
 * a key with its own @language (the plain-string keys `name`, `excerpts`) to the full IRI, not the key; so
 * those keys are left out when unstated rather than be renamed.
 */
export function alwaysPresent(spec: KeySpec): boolean {
  if (spec.kind === 'nodes') return !spec.reverse;
  if (spec.kind === 'text' || spec.kind === 'texts') return spec.language !== undefined;
  return true;
}

const cgTerm = (local: string) => (base: string) => casegraphNamespaces(base).cg(local);
const fixed = (iri: string) => () => iri;

const sourced: readonly KeySpec[] = [
  { key: 'sources', predicate: fixed(prov('wasDerivedFrom')), kind: 'refs', description: 'The sources this node is derived from (prov:wasDerivedFrom).' },
  {
    key: 'excerpts',
    predicate: cgTerm('excerpt'),
    kind: 'texts',
    description:
      'Verbatim quotes from those sources that state the claims (cg:excerpt); the shapes require at least one on every node, the key is absent only for data that breaks them.',
  },
];

const named: readonly KeySpec[] = [
  {
    key: 'label',
    predicate: fixed(rdfs('label')),
    kind: 'text',
    language: 'en',
    description: 'A human-readable label (rdfs:label); null when none is stated.',
  },
];

export const eventShape: NodeShape = {
  name: 'Event',
  classIri: cgTerm('Event'),
  matchClass: false,
  keys: [
    ...named,
    { key: 'description', predicate: fixed(schema('description')), kind: 'texts', language: 'en', description: 'What happened, in the source’s words.' },
    {
      key: 'date',
      predicate: fixed(dct('date')),
      kind: 'date',
      description: 'When it happened, at the precision the source gives (xsd:date, xsd:gYearMonth or xsd:gYear); null when no date is stated.',
    },
    { key: 'places', predicate: cgTerm('place'), kind: 'refs', description: 'Where it happened.' },
    { key: 'agents', predicate: cgTerm('agent'), kind: 'refs', description: 'Who carried it out, as the source names them.' },
    { key: 'persons', predicate: cgTerm('concernsPerson'), kind: 'links', description: 'The IRIs of the persons it concerns.' },
    { key: 'occurredBefore', predicate: cgTerm('occurredBefore'), kind: 'refs', description: 'Events it is stated to precede (where no date is given).' },
    { key: 'occurredAfter', predicate: cgTerm('occurredAfter'), kind: 'refs', description: 'Events it is stated to follow (where no date is given).' },
    { key: 'reasons', predicate: cgTerm('reason'), kind: 'texts', language: 'en', description: 'Why it happened, in the source’s words.' },
    { key: 'roles', predicate: cgTerm('role'), kind: 'texts', language: 'en', description: 'The role an invitation was for.' },
    { key: 'websites', predicate: cgTerm('website'), kind: 'refs', description: 'The website it is about.' },
    { key: 'broadcastIn', predicate: cgTerm('broadcastIn'), kind: 'refs', description: 'The programme statements were broadcast in.' },
    { key: 'statementsConcerned', predicate: cgTerm('statementsConcerned'), kind: 'refs', description: 'Persons whose actions forced statements were about.' },
    { key: 'closedTrial', predicate: cgTerm('closedTrial'), kind: 'boolean', description: 'Whether the trial was closed; null when not stated.' },
    {
      key: 'familyReceivedOfficialDocuments',
      predicate: cgTerm('familyReceivedOfficialDocuments'),
      kind: 'boolean',
      description: 'Whether the family received official documents; null when not stated.',
    },
    { key: 'sentenceTypes', predicate: cgTerm('sentenceType'), kind: 'refs', description: 'The sentence pronounced.' },
    { key: 'findings', predicate: cgTerm('finding'), kind: 'refs', description: 'What a UN body found.' },
    { key: 'provisionsViolated', predicate: cgTerm('provisionViolated'), kind: 'refs', description: 'Legal provisions found contravened.' },
    { key: 'concernsState', predicate: cgTerm('concernsState'), kind: 'refs', description: 'The state an opinion addresses.' },
    { key: 'awards', predicate: cgTerm('award'), kind: 'refs', description: 'The award conferred.' },
    ...sourced,
  ],
};

export const caseShape: NodeShape = {
  name: 'Case',
  classIri: cgTerm('Case'),
  matchClass: true,
  keys: [
    ...named,
    { key: 'charges', predicate: cgTerm('charge'), kind: 'refs', description: 'Charges brought (cg:Charges).' },
    { key: 'sentenceTypes', predicate: cgTerm('sentenceType'), kind: 'refs', description: 'The sentence (cg:SentenceTypes).' },
    { key: 'heldAt', predicate: cgTerm('heldAt'), kind: 'refs', description: 'Where the person is held, as the source states it.' },
    {
      key: 'punishedBy',
      predicate: cgTerm('punishedBy'),
      kind: 'refs',
      description: 'Who the source says punished the person: its account of the case, not the body that sentenced.',
    },
    {
      key: 'reasons',
      predicate: cgTerm('reason'),
      kind: 'texts',
      language: 'en',
      description: 'What the source says the person was punished for, in its words: its account, not the grounds an authority gave.',
    },
    { key: 'context', predicate: cgTerm('context'), kind: 'refs', description: 'Events the sources name as the background of the case.' },
    { key: 'events', predicate: cgTerm('hasEvent'), kind: 'nodes', nested: () => eventShape, description: 'The events of the case.' },
    ...sourced,
  ],
};

export const campaignShape: NodeShape = {
  name: 'Campaign',
  classIri: cgTerm('Campaign'),
  matchClass: true,
  keys: [
    ...named,
    { key: 'agents', predicate: cgTerm('agent'), kind: 'refs', description: 'Who runs the campaign.' },
    { key: 'prisoners', predicate: cgTerm('campaignFor'), kind: 'links', description: 'The IRIs of the persons it campaigns for (cg:campaignFor).' },
    { key: 'numberOfPrisoners', predicate: cgTerm('numberOfPrisoners'), kind: 'integer', description: 'How many prisoners it covers; null when not stated.' },
    {
      key: 'callsToAction',
      predicate: cgTerm('callToAction'),
      kind: 'texts',
      language: 'en',
      description: 'What it asks the public to do, in the source’s words.',
    },
    { key: 'parts', predicate: fixed(schema('hasPart')), kind: 'refs', description: 'Its parts, such as a petition.' },
    ...sourced,
  ],
};

export const personShape: NodeShape = {
  name: 'Person',
  classIri: fixed(schema('Person')),
  matchClass: true,
  keys: [
    ...named,
    { key: 'name', predicate: fixed(schema('name')), kind: 'text', description: 'The name as the source writes it; absent when the sources state none.' },
    {
      key: 'statedAge',
      predicate: cgTerm('statedAge'),
      kind: 'integer',
      description: 'Age in years as a source states it at its (often unknown) time of writing; no birth date is derived from it.',
    },
    { key: 'gender', predicate: fixed(schema('gender')), kind: 'ref', description: 'Gender as stated; null when not stated.' },
    { key: 'ethnicity', predicate: cgTerm('ethnicity'), kind: 'texts', language: 'en', description: 'Ethnic group as the source names it.' },
    { key: 'spouses', predicate: fixed(schema('spouse')), kind: 'refs', description: 'Spouses.' },
    { key: 'homeLocations', predicate: fixed(schema('homeLocation')), kind: 'refs', description: 'Where the person lives, as stated.' },
    {
      key: 'sameAs',
      predicate: fixed(owl('sameAs')),
      kind: 'links',
      description: 'The same person elsewhere (Wikidata), only where a cited source states the identifier.',
    },
    ...sourced,
    {
      key: 'cases',
      predicate: cgTerm('concernsPerson'),
      kind: 'nodes',
      reverse: true,
      nested: () => caseShape,
      description: 'The cases concerning this person; absent when there are none.',
    },
    {
      key: 'campaigns',
      predicate: cgTerm('campaignFor'),
      kind: 'nodes',
      reverse: true,
      nested: () => campaignShape,
      description: 'Campaigns for this person (cg:campaignFor); absent when there are none.',
    },
  ],
};

/** A case in the list of persons: what it is called. */
export const caseSummaryShape: NodeShape = { name: 'CaseSummary', classIri: cgTerm('Case'), matchClass: true, keys: [...named] };

/** A person in the list of persons (/api/persons): names and cases, the rest is one link away. */
export const personSummaryShape: NodeShape = {
  name: 'PersonSummary',
  classIri: fixed(schema('Person')),
  matchClass: true,
  keys: [
    ...named,
    { key: 'name', predicate: fixed(schema('name')), kind: 'text', description: 'The name as the source writes it; absent when the sources state none.' },
    {
      key: 'cases',
      predicate: cgTerm('concernsPerson'),
      kind: 'nodes',
      reverse: true,
      nested: () => caseSummaryShape,
      description: 'The cases concerning this person; absent when there are none.',
    },
  ],
};

/** Every shape, outermost first. */
export const documentShapes: readonly NodeShape[] = [personShape, caseShape, eventShape, campaignShape, personSummaryShape, caseSummaryShape];
