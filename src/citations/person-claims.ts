// The claims JSON shape: every statement about one person, each with its sources and verbatim excerpts.

/** How much of a date the source states: `2009-07-14` (day), `2012-03` (month) or `2010` (year). */
export type DatePrecision = 'day' | 'month' | 'year';

export interface DateValue {
  /** ISO 8601, only as precise as the source: `2009-07-14`, `2012-03`, `2010`. */
  readonly value: string;
  readonly precision: DatePrecision;
}

/** A resource a claim names, with its label as the graph gives it (null when it gives none). */
export interface Ref {
  readonly iri: string;
  readonly label: string | null;
}

/** A legal provision found violated: `{ notation: "19", instrument: "Universal Declaration of Human Rights" }`. */
export interface Provision extends Ref {
  readonly notation: string | null;
  readonly instrument: string | null;
}

/** A source as a citation needs it. Anything the source does not state is null, never filled in. */
export interface SourceSummary {
  readonly iri: string;
  /** The title the source bears (dct:title); null when no title is stated. */
  readonly title: string | null;
  /** casegraph's catalogue label (rdfs:label): a description, not the source's own title. */
  readonly label: string | null;
  readonly publisher: string | null;
  /** The source's own identifier, such as a UN document symbol (dct:identifier): `A/HRC/33/66`. */
  readonly identifier: string | null;
  readonly date: DateValue | null;
  readonly url: string | null;
  /** The work it is part of (e.g. a programme), and its position there. */
  readonly partOf: string | null;
  readonly position: number | null;
  /** True when a claim about the person is derived from it; false when it is only named by such a source. */
  readonly supportsClaims: boolean;
}

export type IdentityField = 'name' | 'gender' | 'statedAge' | 'ethnicity';

export type ClaimKind = 'identity' | 'charge' | 'sentence' | 'placeOfDetention' | 'punishment' | 'event' | 'unFinding' | 'award' | 'campaign';

interface ClaimBase {
  /** Stable within a dataset version: `identity/name`, `charge/splittism`, `event/gulmire-imin-arrest`. */
  readonly id: string;
  readonly kind: ClaimKind;
  /** The node that carries the claim in the graph; its sources and excerpts are the claim's. */
  readonly subject: string;
  readonly sources: readonly SourceSummary[];
  /** Verbatim quotes from the sources that state the claim. */
  readonly excerpts: readonly string[];
  /** True when exactly one source supports the claim: a drafter may want a second before relying on it. */
  readonly singleSource: boolean;
}

export interface IdentityClaim extends ClaimBase {
  readonly kind: 'identity';
  readonly field: IdentityField;
  /** Ethnicity and name as stated; gender as schema.org's enumeration member (`female`); age in years. */
  readonly value: string | number;
}

export interface ChargeClaim extends ClaimBase {
  readonly kind: 'charge';
  readonly charge: Ref;
}

export interface SentenceClaim extends ClaimBase {
  readonly kind: 'sentence';
  readonly sentenceType: Ref;
}

export interface PlaceOfDetentionClaim extends ClaimBase {
  readonly kind: 'placeOfDetention';
  readonly place: Ref;
  /** The place it lies in (e.g. the city), when stated. */
  readonly within: string | null;
}

/**
 * An event of the case. `unFinding`, `award` and `campaign` are events too and share this shape;
 * the optional members appear only when the sources state them.
 */
export interface EventClaim extends ClaimBase {
  readonly kind: 'event' | 'unFinding' | 'award' | 'campaign';
  /** `case` for the person's own events; `context` for events the case names as its background. */
  readonly scope: 'case' | 'context';
  /** The ontology class's local name: `Arrest`, `WorkingGroupOpinion`, ... */
  readonly eventType: string;
  readonly typeLabel: string;
  readonly label: string | null;
  readonly date: DateValue | null;
  readonly place: Ref | null;
  readonly agents: readonly Ref[];
  readonly description?: string;
  readonly reason?: string;
  readonly closedTrial?: boolean;
  readonly familyReceivedOfficialDocuments?: boolean;
  readonly sentenceType?: Ref;
  readonly findings?: readonly Ref[];
  readonly provisionsViolated?: readonly Provision[];
  readonly state?: Ref;
  readonly award?: Ref;
  readonly broadcastIn?: Ref;
  readonly statementsConcerned?: readonly Ref[];
  readonly website?: Ref;
  readonly role?: string;
  readonly before?: readonly Ref[];
  readonly after?: readonly Ref[];
  readonly context?: readonly Ref[];
  readonly callsToAction?: readonly string[];
  readonly numberOfPrisoners?: number;
}

/**
 * The source's account of the case as a whole: who punished the person and for what, in its words. It is the
 * source's characterisation, not the grounds an authority gave nor the body that sentenced.
 */
export interface PunishmentClaim extends ClaimBase {
  readonly kind: 'punishment';
  readonly punishedBy: readonly Ref[];
  readonly reason: string | null;
}

export type Claim = IdentityClaim | ChargeClaim | SentenceClaim | PlaceOfDetentionClaim | PunishmentClaim | EventClaim;

/** One version of a disputed statement: what it says, and the sources that say it, each with its locator. */
export interface DisagreementVersion {
  /** IRI of the cg:Claim node. */
  readonly claim: string;
  /** The claim in casegraph's words (its rdfs:label), e.g. "Nurmuhammet Yasin was arrested on 29 November 2004". */
  readonly statement: string | null;
  /** The value it gives: an IRI (valueIsIri) or a literal's lexical form, e.g. `2004-11-29`. */
  readonly value: string;
  readonly valueIsIri: boolean;
  readonly valueLabel: string | null;
  readonly sources: readonly SourceSummary[];
  /** Where in each source (page, paragraph, heading); only the sources for which one is recorded. */
  readonly locators: ReadonlyArray<{ readonly source: string; readonly locator: string }>;
}

/** A property of the person, their case or an event on which sources give different values; every version is kept. */
export interface Disagreement {
  readonly subject: string;
  readonly subjectLabel: string | null;
  readonly property: string;
  readonly versions: readonly DisagreementVersion[];
}

/**
 * A category of the Working Group on Arbitrary Detention (I to V): its definition in casegraph's own words and
 * the source it is summarised from (the methods of work). Reference data, the same for every person.
 */
export interface WorkingGroupCategory {
  readonly iri: string;
  readonly notation: string;
  readonly definition: string;
  readonly source: SourceSummary;
}

/** The answer of `GET /api/persons/{id}/claims`. */
export interface PersonClaims {
  readonly person: { readonly id: string; readonly iri: string; readonly name: string | null };
  /** The dataset version the claims were read from (also the ETag's source). */
  readonly datasetVersion: string;
  /** Identity, charges, sentence, place of detention, then events in date order (undated last). */
  readonly claims: readonly Claim[];
  /** Where the sources disagree (by subject, then property); each version with its own sources. */
  readonly disagreements: readonly Disagreement[];
  /** Every source of the person's record, in IRI order, including those only named by a supporting source. */
  readonly sources: readonly SourceSummary[];
}
