// The W3C CSV on the Web metadata of a table: its columns, the property each states and the tables its keys point to.
import { csvw, dataLicense } from '../vocabulary/namespaces.js';
import { tableColumns } from './build-table.js';
import type { TableSpec } from './table-specs.js';

/** The CSVW JSON-LD context; the metadata is compact JSON-LD in it. */
export const csvwContext = csvw.iri.replace(/#$/, '');

/** The suffix CSVW's default site-wide location template (`{+url}-metadata.json`) appends to a table's URL. */
export const metadataSuffix = '-metadata.json';

/** The media type of CSVW metadata documents (W3C CSVW, section "IANA considerations"). */
export const csvMetadataMediaType = 'application/csvm+json';

export const csvFile = (name: string) => `${name}.csv`;

/**
 * One table's metadata, with URLs relative to where it is served: `persons.csv-metadata.json` sits beside
 * `persons.csv`, under /api/tables/ as in the dumps, so the same document describes both.
 */
export function tableMetadata(spec: TableSpec, baseIri: string, datasetVersion: string): Record<string, unknown> {
  const columns = tableColumns(spec, baseIri);
  const foreignKeys = columns
    .filter((c) => c.references !== undefined)
    .map((c) => ({ columnReference: c.name, reference: { resource: csvFile(c.references ?? ''), columnReference: 'iri' } }));
  return {
    '@context': [csvwContext, { '@language': 'en' }],
    url: csvFile(spec.name),
    'dc:title': spec.title,
    'dc:description': spec.description,
    'dc:license': { '@id': dataLicense },
    'dc:hasVersion': datasetVersion,
    dialect: { header: true, encoding: 'utf-8', lineTerminators: ['\r\n'] },
    tableSchema: {
      aboutUrl: '{+iri}',
      ...(spec.onePerSubject ? { primaryKey: 'iri' } : {}),
      columns: columns.map((c) => ({
        name: c.name,
        titles: c.name,
        'dc:description': c.description,
        datatype: c.datatype,
        ...(c.lang === undefined ? {} : { lang: c.lang }),
        ...(c.propertyUrl === undefined ? {} : { propertyUrl: c.propertyUrl }),
        ...(c.valueUrl === undefined ? {} : { valueUrl: c.valueUrl }),
        ...(c.suppressOutput ? { suppressOutput: true } : {}),
        ...(c.name === 'id' || c.name === 'iri' ? { required: true } : {}),
      })),
      ...(foreignKeys.length > 0 ? { foreignKeys } : {}),
    },
  };
}
