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
] as const;

export type TemplateColumn = (typeof templateColumns)[number];

/** Columns a row must fill. */
export const requiredColumns: readonly TemplateColumn[] = ['person', 'field', 'value', 'source_url'];

/** Where a field's statement lives: on the person, the case, or one of the case's events. */
export type FieldNode = 'person' | 'case' | 'arrest' | 'detention' | 'trial' | 'sentencing';

export type FieldKind = 'text' | 'name' | 'gender' | 'age' | 'charge' | 'sentence-type' | 'duration' | 'place' | 'date';

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
};

/** The event class of each event node, a member of cg:EventTypes. */
export const eventClasses: Readonly<Record<Exclude<FieldNode, 'person' | 'case'>, string>> = {
  arrest: 'Arrest',
  detention: 'Detention',
  trial: 'Trial',
  sentencing: 'Sentencing',
};
