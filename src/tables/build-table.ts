// Runs one table's SPARQL through the store port and lays the answer out tidily: short id, IRI, one value per cell.
import { readFileSync } from 'node:fs';
import type { NamedNode, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { DataError } from '../errors/casegraph-error.js';
import type { GraphStore } from '../store/graph-store.js';
import { csvField } from '../formats/csv-field.js';
import { relativeNamespaces, xsd } from '../vocabulary/namespaces.js';
import type { TableSpec } from './table-specs.js';
import { localName } from '../vocabulary/local-name.js';

/** The CSVW built-in datatypes a column may have besides anyURI (their XSD names). */
const literalDatatypes = ['string', 'integer', 'boolean', 'duration', 'date', 'gYearMonth', 'gYear'] as const;

/** One CSV column as written and as its CSVW metadata describes it. */
export interface TableColumn {
  readonly name: string;
  readonly description: string;
  /** A CSVW built-in datatype name. */
  readonly datatype: (typeof literalDatatypes)[number] | 'anyURI';
  readonly propertyUrl?: string;
  /** A URI template (RFC 6570) for IRI-valued columns: `{+name}`. */
  readonly valueUrl?: string;
  readonly lang?: string;
  /** A column CSVW must not turn into a triple about the row: ids, labels of other nodes, mixed-datatype values. */
  readonly suppressOutput: boolean;
  readonly references?: string;
  /** Where the cell comes from: a SPARQL variable and what to take of its term. */
  readonly source: {
    readonly variable: string;
    readonly take: 'value' | 'short-id' | 'precision' | 'datatype' | 'day' | 'month' | 'year' | 'iri' | 'typed' | 'english';
    /** For `typed`: the datatype IRI a literal must have to fill the cell. */
    readonly datatype?: string;
  };
}

export interface BuiltTable {
  readonly spec: TableSpec;
  readonly columns: readonly TableColumn[];
  /** Cells by column, in column order; an empty string where the graph states nothing. */
  readonly rows: ReadonlyArray<readonly string[]>;
}

/** The dates' datatypes and the precision each stands for. */
const precisions: Readonly<Record<string, string>> = {
  [xsd('date')]: 'day',
  [xsd('dateTime')]: 'day',
  [xsd('gYearMonth')]: 'month',
  [xsd('gYear')]: 'year',
};

/** The columns of a table: `id` and `iri` first, then each spec column with the label, precision or datatype beside it. */
export function tableColumns(spec: TableSpec, baseIri: string): TableColumn[] {
  const columns: TableColumn[] = [
    {
      name: 'id',
      description: 'Short id: the IRI’s path under {BASE_IRI}id/ (person/gulmire-imin), or under BASE_IRI for ontology terms',
      datatype: 'string',
      suppressOutput: true,
      source: { variable: 'iri', take: 'short-id' },
    },
    {
      name: 'iri',
      description: 'The full IRI of the row’s subject',
      datatype: 'anyURI',
      suppressOutput: true,
      references: spec.subjectTable,
      source: { variable: 'iri', take: 'value' },
    },
  ];
  for (const c of spec.columns) {
    const variable = c.variable ?? c.name;
    const stated = c.property !== undefined;
    const base = {
      name: c.name,
      description: c.description,
      lang: c.lang,
      references: c.references,
      propertyUrl: c.property?.(baseIri),
      source: { variable, take: 'value' as const },
    };
    switch (c.kind) {
      case 'ref':
        columns.push({ ...base, datatype: 'anyURI', valueUrl: `{+${c.name}}`, suppressOutput: !stated });
        columns.push({
          name: `${c.name}_label`,
          description: `The label of ${c.name}`,
          datatype: 'string',
          suppressOutput: true,
          source: { variable: `${variable}_label`, take: 'value' },
        });
        break;
      case 'link':
        columns.push({ ...base, datatype: 'anyURI', valueUrl: `{+${c.name}}`, suppressOutput: !stated });
        break;
      case 'date':
        // CSVW gives a column one datatype, but a date's datatype follows its precision (xsd:date, gYearMonth, gYear):
        // for people the date is ISO text with its precision beside it (not turned into a triple); for CSVW tools
        // the same date is repeated in the one of three typed columns that fits its precision, the others empty.
        columns.push({ ...base, datatype: 'string', suppressOutput: true });
        columns.push({
          name: `${c.name}_precision`,
          description: 'The precision of the date: day, month or year',
          datatype: 'string',
          suppressOutput: true,
          source: { variable, take: 'precision' },
        });
        for (const [precision, datatype] of [
          ['day', 'date'],
          ['month', 'gYearMonth'],
          ['year', 'gYear'],
        ] as const) {
          columns.push({
            ...base,
            name: `${c.name}_${precision}`,
            description: `The same date where the sources give it to the ${precision} (xsd:${datatype}), else empty: the column CSVW tools read`,
            datatype,
            suppressOutput: !stated,
            source: { variable, take: precision },
          });
        }
        break;
      case 'term':
        // For people: the value, its label and its datatype. For CSVW tools (which type a column once): the same
        // value again in the one column that fits it (an IRI, an English string, or a literal of one datatype).
        columns.push({ ...base, datatype: 'string', suppressOutput: true });
        columns.push({
          name: `${c.name}_label`,
          description: `The label of ${c.name}, where it is an IRI with one`,
          datatype: 'string',
          suppressOutput: true,
          source: { variable: `${variable}_label`, take: 'value' },
        });
        columns.push({
          name: `${c.name}_datatype`,
          description: `The datatype IRI of ${c.name} where it is a literal (empty where it is an IRI)`,
          datatype: 'anyURI',
          suppressOutput: true,
          source: { variable, take: 'datatype' },
        });
        columns.push(...termColumns(base, c.name, variable, stated));
        break;
      case 'text':
        columns.push({ ...base, datatype: 'string', suppressOutput: !stated });
        break;
      default:
        columns.push({ ...base, datatype: c.kind, suppressOutput: !stated });
    }
  }
  return columns;
}

/** The typed copies of a term column: `{name}_iri`, `{name}_en`, and `{name}_{datatype}` for each literal datatype. */
function termColumns(base: Omit<TableColumn, 'datatype' | 'suppressOutput'>, name: string, variable: string, stated: boolean): TableColumn[] {
  return [
    {
      ...base,
      name: `${name}_iri`,
      description: `The same value where it is an IRI, else empty: the column CSVW tools read`,
      datatype: 'anyURI',
      valueUrl: `{+${name}_iri}`,
      suppressOutput: !stated,
      source: { variable, take: 'iri' },
    },
    {
      ...base,
      name: `${name}_en`,
      description: `The same value where it is a string in English (@en), else empty`,
      datatype: 'string',
      lang: 'en',
      suppressOutput: !stated,
      source: { variable, take: 'english' },
    },
    ...literalDatatypes.map((datatype): TableColumn => ({
      ...base,
      name: `${name}_${datatype}`,
      description: `The same value where it is an xsd:${datatype} literal, else empty`,
      datatype,
      lang: undefined,
      suppressOutput: !stated,
      source: { variable, take: 'typed', datatype: xsd(datatype) },
    })),
  ];
}

/** The short id: the path under `{base}id/`, else under the base, else the local name after the last `#` or `/`. */
export function shortId(iri: string, base: string): string {
  const ids = base + relativeNamespaces.id;
  if (iri.startsWith(ids)) return iri.slice(ids.length);
  if (iri.startsWith(base)) return iri.slice(base.length);
  return localName(iri);
}

const queryTexts = new Map<string, string>();

/** The text of `queries/tables/{name}.rq`, read from the project next to this module (src/ or dist/). */
function tableQuery(name: string): string {
  let text = queryTexts.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`../../queries/tables/${name}.rq`, import.meta.url), 'utf8');
    queryTexts.set(name, text);
  }
  return text;
}

function cell(term: Term | undefined, source: TableColumn['source'], base: string): string {
  if (term === undefined) return '';
  const take = source.take;
  switch (take) {
    case 'iri':
      return term.termType === 'NamedNode' ? term.value : '';
    case 'english':
      return term.termType === 'Literal' && term.language === 'en' ? term.value : '';
    case 'typed':
      return term.termType === 'Literal' && term.language === '' && term.datatype.value === source.datatype ? term.value : '';
    case 'short-id':
      return shortId(term.value, base);
    case 'precision':
      return term.termType === 'Literal' ? (precisions[term.datatype.value] ?? '') : '';
    case 'datatype':
      return term.termType === 'Literal' ? term.datatype.value : '';
    case 'day':
    case 'month':
    case 'year':
      return term.termType === 'Literal' && precisions[term.datatype.value] === take && term.datatype.value !== xsd('dateTime') ? term.value : '';
    default:
      return term.value;
  }
}

/** Runs the table's query and orders its rows by their cells, so the same dataset version gives the same bytes. */
export async function buildTable(store: GraphStore, spec: TableSpec): Promise<BuiltTable> {
  const base = store.baseIri;
  const bindings: Record<string, NamedNode> = {};
  for (const [name, iri] of Object.entries(spec.bindings ?? {}) as Array<[string, ((b: string) => string) | undefined]>) {
    if (iri !== undefined) bindings[name] = DataFactory.namedNode(iri(base));
  }
  const result = await store.query({ query: tableQuery(spec.query), bindings });
  if (result.kind !== 'bindings') throw new DataError(`queries/tables/${spec.query}.rq must be a SELECT query`, { file: `queries/tables/${spec.query}.rq` });
  if (result.truncated) throw new DataError(`the ${spec.name} table has more rows than the store's cap`, { file: `queries/tables/${spec.query}.rq` });
  const columns = tableColumns(spec, base);
  const rows = result.rows.map((row) => columns.map((c) => cell(row[c.source.variable], c.source, base)));
  if (spec.onePerSubject) {
    // A second value of a column the table gives one cell would repeat the row: say so rather than break the primary key.
    const seen = new Set<string>();
    for (const row of rows) {
      const iri = row[1] ?? '';
      if (seen.has(iri))
        throw new DataError(`the ${spec.name} table gives one row per subject, but ${iri} has two values for one of its columns`, {
          file: `queries/tables/${spec.query}.rq`,
        });
      seen.add(iri);
    }
  }
  const key = (row: readonly string[]) => row.join('\u0000');
  rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { spec, columns, rows };
}

/** RFC 4180 with CRLF, a header row of column names, and every cell neutralised against spreadsheet formulas. */
export function tableCsv(table: BuiltTable): string {
  const lines = [table.columns.map((c) => c.name), ...table.rows].map((cells) => cells.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
