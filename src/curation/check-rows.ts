// Checks every row of an import sheet against the template and the data's lists, collecting all problems, and gathers its statements.
import { casegraphNamespaces, schema, xsd } from '../vocabulary/namespaces.js';
import { normaliseLabel, type ReferenceList, type ReferenceLists } from './read-reference-lists.js';
import type { Sheet, SheetRow } from './read-sheet.js';
import { slug } from './slug.js';
import { eventNodes, requiredColumns, templateColumns, templateFields, type FieldSpec } from './template-columns.js';

export interface ImportProblem {
  readonly row?: number;
  readonly column?: string;
  readonly message: string;
}

export interface RdfValue {
  /** An IRI, or a literal's lexical form. */
  readonly value: string;
  readonly termType: 'NamedNode' | 'Literal';
  readonly datatype?: string;
  readonly language?: string;
  /** How labels and messages show it. */
  readonly display: string;
  /** Its part in a claim's IRI. */
  readonly key: string;
}

export interface Derivation {
  readonly source: string;
  readonly locator?: string;
  readonly excerpt?: string;
}

export interface Statement {
  /** Tells statements apart: person, field and value. */
  readonly id: string;
  readonly person: string;
  readonly field: string;
  readonly value: RdfValue;
  readonly derivations: Derivation[];
  /** The claim's own wording (the label column), where the sheet gives one. */
  label?: string;
  /** Ids of the statements this one is an alternative version of (the alternative_to column), both ways. */
  readonly alternatives: Set<string>;
}

/** A source, organisation, place or list member the sheet introduces (organisations, places and members only with --allow-new). */
export interface NewResource {
  readonly iri: string;
  readonly kind: 'source' | 'organisation' | 'place' | 'charge' | 'sentence-type';
  readonly label: string;
  /** Sources that state it; a new source lists its publisher's sources as itself. */
  readonly sources: Set<string>;
  readonly url?: string;
  readonly title?: string;
  readonly date?: RdfValue;
  readonly publisher?: string;
  /** The person whose rows use it first; its description goes into that person's file. */
  readonly firstPerson: string;
  readonly row: number;
}

export interface CheckedSheet {
  /** Slug to the name in the person column, in order of first appearance. */
  readonly persons: ReadonlyMap<string, string>;
  readonly statements: readonly Statement[];
  readonly resources: ReadonlyMap<string, NewResource>;
  readonly problems: readonly ImportProblem[];
}

export interface CheckOptions {
  readonly baseIri: string;
  readonly allowNew: boolean;
}

/** Checks the whole sheet; a problem in one row never stops the check of the next. */
export function checkRows(sheet: Sheet, lists: ReferenceLists, options: CheckOptions): CheckedSheet {
  const problems: ImportProblem[] = [];
  const persons = new Map<string, string>();
  const statements = new Map<string, Statement>();
  const resources = new Map<string, NewResource>();
  const sourceRows = new Map<string, { row: number; title: string; publisher: string; date: string }>();
  /** The value cells each statement was written with (normalised), for the alternative_to column to name it. */
  const valueTexts = new Map<string, Set<string>>();
  const alternativeRows: Array<{ row: number; statement: Statement; text: string }> = [];

  for (const column of requiredColumns) {
    if (!sheet.header.includes(column)) problems.push({ row: 1, column, message: `the header lacks the column ${column}` });
  }
  for (const column of sheet.header) {
    if (column !== '' && !(templateColumns as readonly string[]).includes(column)) {
      problems.push({ row: 1, column, message: `unknown column; the template's columns are ${templateColumns.join(', ')}` });
    }
  }
  if (problems.length > 0) return { persons, statements: [], resources, problems };

  for (const row of sheet.rows) {
    const report = (column: string, message: string) => problems.push({ row: row.row, column, message });
    const cell = (column: string) => row.cells[column] ?? '';
    const before = problems.length;

    const name = cell('person');
    const personSlug = slug(name);
    if (name === '') report('person', 'missing: whom the row is about');
    else if (personSlug === '') report('person', 'this name gives no IRI (it needs at least one Latin letter or digit)');
    else {
      const known = [...persons.entries()].find(([s]) => s === personSlug);
      if (known && known[1] !== name)
        report('person', `IRI collision: "${name}" and "${known[1]}" both make person:${personSlug}; write the name the same way in every row`);
    }

    const fieldName = cell('field')
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const field = templateFields[fieldName];
    if (cell('field') === '') report('field', `missing; one of ${Object.keys(templateFields).join(', ')}`);
    else if (!field) report('field', `unknown field "${cell('field')}"; one of ${Object.keys(templateFields).join(', ')}`);

    // A note is the editors' own words about the sources: it may name a source the node then derives from, but need not.
    const note = field?.kind === 'note';
    const source = note && cell('source_url') === '' ? null : checkSource(row, lists, resources, sourceRows, personSlug, options, report);
    const value = field ? checkValue(row, fieldName, field, lists, resources, personSlug, options, report) : undefined;
    if (note) {
      if (cell('label') !== '') report('label', 'a note is not a claim and has no label of its own; the note is the value');
      if (cell('alternative_to') !== '') report('alternative_to', 'a note is not a claim and has no alternative');
    }

    const excerpt = cell('excerpt');
    if (excerpt !== '' && source && !source.held) {
      report(
        'excerpt',
        'an excerpt is quoted only from a source whose text the project holds (cg:heldCopy); cite a web source with a locator, in your own words',
      );
    }

    if (problems.length > before || !value || source === undefined || !field) continue;
    if (!persons.has(personSlug)) persons.set(personSlug, name);
    if (value.termType === 'NamedNode' && source) resources.get(value.value)?.sources.add(source.iri);
    const key = `${personSlug}\u0000${fieldName}\u0000${value.termType}\u0000${value.value}\u0000${value.datatype ?? ''}\u0000${value.language ?? ''}`;
    const statement = statements.get(key) ?? { id: key, person: personSlug, field: fieldName, value, derivations: [], alternatives: new Set<string>() };
    statements.set(key, statement);
    const texts = valueTexts.get(key) ?? new Set<string>();
    texts.add(normaliseLabel(cell('value'))).add(normaliseLabel(value.display));
    valueTexts.set(key, texts);
    const label = cell('label');
    if (label !== '') {
      if (statement.label !== undefined && statement.label !== label) report('label', `another row gives this claim the label "${statement.label}"`);
      else statement.label = label;
    }
    if (cell('alternative_to') !== '') alternativeRows.push({ row: row.row, statement, text: cell('alternative_to') });
    if (!source) continue;
    const locator = cell('locator');
    const derivation: Derivation = { source: source.iri, ...(locator !== '' ? { locator } : {}), ...(excerpt !== '' ? { excerpt } : {}) };
    if (!statement.derivations.some((d) => d.source === derivation.source && d.locator === derivation.locator && d.excerpt === derivation.excerpt)) {
      statement.derivations.push(derivation);
    }
  }
  // Alternatives are resolved once every row is read, so a row may name a value given further down.
  for (const { row, statement, text } of alternativeRows) {
    const other = [...statements.values()].find(
      (s) => s !== statement && s.person === statement.person && s.field === statement.field && valueTexts.get(s.id)?.has(normaliseLabel(text)),
    );
    if (!other) {
      problems.push({
        row,
        column: 'alternative_to',
        message: `no other row gives ${templateFields[statement.field]?.label ?? statement.field} "${text}" for this person; alternative_to names the value of another row of the same person and field`,
      });
      continue;
    }
    statement.alternatives.add(other.id);
    other.alternatives.add(statement.id);
  }
  return { persons, statements: [...statements.values()], resources, problems };
}

type Report = (column: string, message: string) => void;

function checkSource(
  row: SheetRow,
  lists: ReferenceLists,
  resources: Map<string, NewResource>,
  seen: Map<string, { row: number; title: string; publisher: string; date: string }>,
  person: string,
  options: CheckOptions,
  report: Report,
): { iri: string; held: boolean; resource?: NewResource } | undefined {
  const ns = casegraphNamespaces(options.baseIri);
  const cell = (column: string) => row.cells[column] ?? '';
  const url = cell('source_url');
  if (url === '') {
    report('source_url', 'missing source: every row needs the URL of its source (or source:{id} of a source already in the data)');
    return undefined;
  }
  const known = lists.sources.get(url);
  if (known) return known;
  if (url.startsWith('source:')) {
    report('source_url', `no source ${url} in the data`);
    return undefined;
  }
  // Characters Turtle cannot write inside <...> are refused here rather than at writing.
  if (!/^https?:\/\/[^\s/<>"{}|\\^`]+[^\s<>"{}|\\^`]*$/.test(url) || !URL.canParse(url)) {
    report('source_url', `"${url}" is not an http(s) URL`);
    return undefined;
  }
  const title = cell('source_title');
  const publisherName = cell('source_publisher');
  const dateText = cell('source_date');
  const previous = seen.get(url);
  if (previous) {
    if (previous.title !== title) report('source_title', `row ${previous.row} gives this source the title "${previous.title}"`);
    if (previous.publisher !== publisherName) report('source_publisher', `row ${previous.row} gives this source the publisher "${previous.publisher}"`);
    if (previous.date !== dateText) report('source_date', `row ${previous.row} gives this source the date "${previous.date}"`);
    const resource = [...resources.values()].find((r) => r.kind === 'source' && r.url === url);
    return resource ? { iri: resource.iri, held: false, resource } : undefined;
  }
  seen.set(url, { row: row.row, title, publisher: publisherName, date: dateText });

  let ok = true;
  let publisher: string | undefined;
  if (publisherName === '') {
    report('source_publisher', 'missing: a new source needs its publisher (the organisation whose site it is)');
    ok = false;
  } else {
    publisher = lookUp(lists.organisations, publisherName, 'organisation', 'org', row, resources, person, options, report, 'source_publisher', 'publisher');
    if (!publisher) ok = false;
  }
  let date: RdfValue | undefined;
  if (dateText !== '') {
    date = parseDate(dateText);
    if (!date) {
      report('source_date', `"${dateText}" is not a date: write YYYY-MM-DD, YYYY-MM or YYYY`);
      ok = false;
    }
  }
  if (!ok || !publisher) return undefined;
  const publisherLabel = lists.organisations.entries.find((e) => e.iri === publisher)?.label ?? resources.get(publisher)?.label ?? publisherName;
  const local = slug(`${slug(publisherLabel, 30)} ${title !== '' ? title : new URL(url).pathname}`) || slug(url);
  const iri = ns.id(`source/${local}`);
  const clash = resources.get(iri);
  if (clash || lists.subjects.has(iri)) {
    report(
      'source_url',
      `IRI collision: source:${local} already names ${clash ? `the source of row ${clash.row}` : `something in ${lists.subjects.get(iri) ?? 'the data'}`}; give the source a more specific title`,
    );
    return undefined;
  }
  const resource: NewResource = {
    iri,
    kind: 'source',
    label: title !== '' ? `${title} (${publisherLabel})` : `${publisherLabel}: ${url}`,
    sources: new Set(),
    url,
    ...(title !== '' ? { title } : {}),
    ...(date ? { date } : {}),
    publisher,
    firstPerson: person,
    row: row.row,
  };
  resources.set(iri, resource);
  // A new publisher is known from the page it publishes.
  const newPublisher = resources.get(publisher);
  if (newPublisher) newPublisher.sources.add(iri);
  return { iri, held: false, resource };
}

function lookUp(
  list: ReferenceList,
  text: string,
  kind: NewResource['kind'],
  folder: string,
  row: SheetRow,
  resources: Map<string, NewResource>,
  person: string,
  options: CheckOptions,
  report: Report,
  column: string,
  noun: string,
): string | undefined {
  const found = list.find(text);
  if (found) return found.iri;
  const ns = casegraphNamespaces(options.baseIri);
  const local = slug(text);
  const iri = ns.id(`${folder}/${local}`);
  const already = resources.get(iri);
  if (already) return already.iri;
  if (!options.allowNew) {
    const known = list.entries.map((e) => `"${e.label}"`).join(', ');
    report(column, `unknown ${noun} "${text}"; known: ${known || '(none)'}; or run with --allow-new to add it`);
    return undefined;
  }
  if (local === '') {
    report(column, `"${text}" gives no IRI (it needs at least one Latin letter or digit)`);
    return undefined;
  }
  const resource: NewResource = { iri, kind, label: text, sources: new Set(), firstPerson: person, row: row.row };
  resources.set(iri, resource);
  return iri;
}

function checkValue(
  row: SheetRow,
  fieldName: string,
  field: FieldSpec,
  lists: ReferenceLists,
  resources: Map<string, NewResource>,
  person: string,
  options: CheckOptions,
  report: Report,
): RdfValue | undefined {
  const text = row.cells.value ?? '';
  const precision = (row.cells.precision ?? '').toLowerCase();
  if (precision !== '' && field.kind !== 'date') report('precision', `precision applies to dates only, not to ${fieldName}`);
  if (text === '') {
    report('value', 'missing');
    return undefined;
  }
  const literal = (value: string, display = value, datatype?: string, language?: string): RdfValue => ({
    value,
    termType: 'Literal',
    display,
    key: slug(display),
    ...(datatype ? { datatype } : {}),
    ...(language ? { language } : {}),
  });
  const withSource = (iri: string | undefined, list: ReferenceList): RdfValue | undefined => {
    if (!iri) return undefined;
    const label = list.entries.find((e) => e.iri === iri)?.label ?? resources.get(iri)?.label ?? text;
    return { value: iri, termType: 'NamedNode', display: label, key: iri.replace(/^.*\//, '') };
  };
  switch (field.kind) {
    case 'name':
      if (text !== (row.cells.person ?? '')) {
        report('value', `a name row repeats the person column ("${row.cells.person ?? ''}"); give other spellings as alternative_name`);
        return undefined;
      }
      return literal(text);
    case 'text':
    case 'note':
      return literal(text, text, undefined, 'en');
    case 'boolean': {
      const flag = { yes: 'true', true: 'true', no: 'false', false: 'false' }[text.toLowerCase()];
      if (!flag) {
        report('value', `write yes or no, not "${text}"`);
        return undefined;
      }
      return literal(flag, flag, xsd('boolean'));
    }
    case 'event': {
      const node = text.toLowerCase();
      if (!(eventNodes as readonly string[]).includes(node) || node === field.node) {
        report('value', `name another event of the same case: one of ${eventNodes.filter((n) => n !== field.node).join(', ')}`);
        return undefined;
      }
      return { value: casegraphNamespaces(options.baseIri).id(`event/${person}-${node}`), termType: 'NamedNode', display: node, key: node };
    }
    case 'gender': {
      const gender = { female: 'Female', male: 'Male' }[text.toLowerCase()];
      if (!gender) {
        report('value', `gender is female or male, not "${text}"`);
        return undefined;
      }
      return { value: schema(gender), termType: 'NamedNode', display: gender.toLowerCase(), key: gender.toLowerCase() };
    }
    case 'age':
      if (!/^[0-9]{1,3}$/.test(text)) {
        report('value', `a stated age is a whole number of years, not "${text}"`);
        return undefined;
      }
      return literal(String(Number(text)), String(Number(text)), xsd('integer'));
    case 'duration': {
      const iso = parseDuration(text);
      if (!iso) {
        report('value', `"${text}" is not a duration: write "10 years", "6 months" or ISO 8601 (P10Y, P1Y6M)`);
        return undefined;
      }
      return literal(iso, iso, xsd('duration'));
    }
    case 'date': {
      const date = parseDate(text);
      if (!date) {
        report('value', `"${text}" is not a date: write YYYY-MM-DD, YYYY-MM or YYYY (a real day)`);
        return undefined;
      }
      const stated = { day: 3, month: 2, year: 1 }[precision];
      if (precision !== '' && stated === undefined) report('precision', `precision is day, month or year, not "${precision}"`);
      else if (stated !== undefined && stated !== date.value.split('-').length) {
        // A spreadsheet may turn "2010-07" into a full day: the precision column says what the source stated.
        if (stated < date.value.split('-').length) return parseDate(date.value.split('-').slice(0, stated).join('-'));
        report('precision', `precision "${precision}" does not fit the date ${date.value}`);
      }
      return date;
    }
    case 'charge':
      return withSource(lookUp(lists.charges, text, 'charge', 'concept/charge', row, resources, person, options, report, 'value', 'charge'), lists.charges);
    case 'sentence-type':
      return withSource(
        lookUp(lists.sentenceTypes, text, 'sentence-type', 'concept/sentence-type', row, resources, person, options, report, 'value', 'sentence type'),
        lists.sentenceTypes,
      );
    case 'place':
      return withSource(lookUp(lists.places, text, 'place', 'place', row, resources, person, options, report, 'value', 'prison or place'), lists.places);
  }
}

/** YYYY-MM-DD (a real day), YYYY-MM or YYYY, typed by its precision. */
export function parseDate(text: string): RdfValue | undefined {
  const match = /^([0-9]{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12][0-9]|3[01]))?)?$/.exec(text);
  if (!match) return undefined;
  const [, , month, day] = match;
  if (day !== undefined) {
    const date = new Date(`${text}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) return undefined;
  }
  const datatype = day !== undefined ? xsd('date') : month !== undefined ? xsd('gYearMonth') : xsd('gYear');
  return { value: text, termType: 'Literal', datatype, display: text, key: text };
}

function parseDuration(text: string): string | undefined {
  if (/^P(?=[0-9])([0-9]+Y)?([0-9]+M)?$/.test(text)) return text;
  const match = /^([0-9]+)\s*(years?|months?)$/i.exec(text);
  if (!match) return undefined;
  const [, count, unit] = match;
  return `P${String(Number(count))}${unit?.toLowerCase().startsWith('y') ? 'Y' : 'M'}`;
}
