// The import template: its columns and the fields a row may state, each mapped to where the model keeps it.

/** The template's columns, in order; the README's "For case workers" table describes each. */
export const templateColumns = [
  'person',
  'field',
  'value',
  'precision',
  'source_url',
  'source_title',
  'source_publisher',
  'source_date',
  'locator',
  'excerpt',
  'label',
  'alternative_to',
] as const;

export type TemplateColumn = (typeof templateColumns)[number];

/** Columns a row must fill. */
export const requiredColumns: readonly TemplateColumn[] = ['person', 'field', 'value', 'source_url'];

/** Where a field's statement lives: on the person, the case, or one of the case's events. */
export type FieldNode = 'person' | 'case' | EventNode;

export type EventNode = 'publication' | 'arrest' | 'detention' | 'trial' | 'sentencing';

/** The event nodes, in the order a file lists them. */
export const eventNodes: readonly EventNode[] = ['publication', 'arrest', 'detention', 'trial', 'sentencing'];

/**
 * `note`: an editor's label or comment on the node (rdfs:label, rdfs:comment), written on it and never a claim;
 * `event`: another event of the same case, named by its kind (`sentencing`).
 */
export type FieldKind = 'text' | 'name' | 'gender' | 'age' | 'charge' | 'sentence-type' | 'duration' | 'place' | 'date' | 'boolean' | 'event' | 'note';

export interface FieldSpec {
  readonly node: FieldNode;
  readonly kind: FieldKind;
  /** Local name of the predicate, with its prefix: `schema:name`, `cg:charge`. */
  readonly predicate: string;
  /** One value per node: where sources differ, the node keeps only what they agree on and each value stays a claim. */
  readonly single: boolean;
  /** Words for labels: "arrest date". */
  readonly label: string;
}

export const templateFields: Readonly<Record<string, FieldSpec>> = {
  name: { node: 'person', kind: 'name', predicate: 'schema:name', single: true, label: 'name' },
  alternative_name: { node: 'person', kind: 'text', predicate: 'skos:altLabel', single: false, label: 'alternative name' },
  gender: { node: 'person', kind: 'gender', predicate: 'schema:gender', single: true, label: 'gender' },
  stated_age: { node: 'person', kind: 'age', predicate: 'cg:statedAge', single: true, label: 'stated age' },
  ethnicity: { node: 'person', kind: 'text', predicate: 'cg:ethnicity', single: false, label: 'ethnicity' },
  charge: { node: 'case', kind: 'charge', predicate: 'cg:charge', single: false, label: 'charge' },
  prison: { node: 'case', kind: 'place', predicate: 'cg:heldAt', single: true, label: 'place of imprisonment' },
  arrest_date: { node: 'arrest', kind: 'date', predicate: 'dct:date', single: true, label: 'arrest date' },
  detention_date: { node: 'detention', kind: 'date', predicate: 'dct:date', single: true, label: 'detention date' },
  trial_date: { node: 'trial', kind: 'date', predicate: 'dct:date', single: true, label: 'trial date' },
  sentencing_date: { node: 'sentencing', kind: 'date', predicate: 'dct:date', single: true, label: 'sentencing date' },
  sentence_type: { node: 'sentencing', kind: 'sentence-type', predicate: 'cg:sentenceType', single: true, label: 'sentence type' },
  sentence_duration: { node: 'sentencing', kind: 'duration', predicate: 'schema:duration', single: true, label: 'sentence duration' },
  reason: { node: 'case', kind: 'text', predicate: 'cg:reason', single: false, label: 'reason' },
  publication_date: { node: 'publication', kind: 'date', predicate: 'dct:date', single: true, label: 'publication date' },
  closed_trial: { node: 'trial', kind: 'boolean', predicate: 'cg:closedTrial', single: true, label: 'closed trial' },
  ...Object.fromEntries(
    eventNodes.flatMap((node): Array<[string, FieldSpec]> => [
      [`${node}_place`, { node, kind: 'place', predicate: 'cg:place', single: true, label: `${node} place` }],
      [`${node}_before`, { node, kind: 'event', predicate: 'cg:occurredBefore', single: false, label: `${node} before` }],
    ]),
  ),
  ...Object.fromEntries(
    (['person', 'case', ...eventNodes] as const).flatMap((node): Array<[string, FieldSpec]> => [
      [`${node}_label`, { node, kind: 'note', predicate: 'rdfs:label', single: true, label: `${node} label` }],
      [`${node}_comment`, { node, kind: 'note', predicate: 'rdfs:comment', single: false, label: `${node} comment` }],
    ]),
  ),
};

/** The event class of each event node, a member of cg:EventTypes. */
export const eventClasses: Readonly<Record<EventNode, string>> = {
  publication: 'Publication',
  arrest: 'Arrest',
  detention: 'Detention',
  trial: 'Trial',
  sentencing: 'Sentencing',
};
