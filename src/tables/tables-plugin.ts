// GET /api/tables (index), /api/tables/{name}.csv, its CSVW metadata, the data dictionary, and /.well-known/csvm.
import type { FastifyPluginAsync } from 'fastify';
import { NotFoundError } from '../errors/casegraph-error.js';
import { plainTextAnswer, opaqueAnswer, type ApiTag } from '../http/openapi-plugin.js';
import { relativeNamespaces } from '../vocabulary/namespaces.js';
import { buildTable, tableColumns, tableCsv } from './build-table.js';
import { dataDictionary } from './data-dictionary.js';
import { csvFile, csvMetadataMediaType, metadataSuffix, tableMetadata } from './table-metadata.js';
import { findTableSpec, tableSpecs } from './table-specs.js';

export const tablesTag: ApiTag = {
  name: 'tables',
  description: 'Tidy CSV tables of the graph for spreadsheets and notebooks, with W3C CSV on the Web metadata and a data dictionary',
};

/** CSVW's site-wide location templates: the metadata of `x.csv` is `x.csv-metadata.json`, else the folder's `csv-metadata.json`. */
export const siteWideLocations = `{+url}${metadataSuffix}\ncsv-metadata.json\n`;

const tableIndexSchema = {
  $id: 'TableIndex',
  type: 'object',
  required: ['datasetVersion', 'dictionary', 'tables'],
  properties: {
    datasetVersion: { type: 'string' },
    dictionary: { type: 'string', description: 'The data dictionary (HTML)' },
    tables: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'title', 'description', 'url', 'metadata', 'columns'],
        properties: {
          name: { type: 'string' },
          title: { type: 'string' },
          description: { type: 'string' },
          url: { type: 'string', description: 'The CSV' },
          metadata: { type: 'string', description: 'Its CSVW metadata' },
          columns: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
};

/** Needs the `store` decorator. */
export const tablesPlugin: FastifyPluginAsync = async (app) => {
  const prefix = `/${relativeNamespaces.tables}`;
  const indexPath = prefix.replace(/\/$/, '');

  app.addSchema(tableIndexSchema);
  app.get(
    indexPath,
    {
      schema: {
        tags: [tablesTag.name],
        summary: 'The tidy tables, with the URL of each CSV and of its CSVW metadata',
        response: { 200: { description: 'The index', content: { 'application/json': { schema: { $ref: 'TableIndex#' } } } } },
      },
    },
    async (_request, reply) => {
      const { store } = app;
      const tables = tableSpecs.map((spec) => ({
        name: spec.name,
        title: spec.title,
        description: spec.description,
        url: `${prefix}${csvFile(spec.name)}`,
        metadata: `${prefix}${csvFile(spec.name)}${metadataSuffix}`,
        columns: tableColumns(spec, store.baseIri).map((c) => c.name),
      }));
      const index = { datasetVersion: store.version, dictionary: `${prefix}dictionary`, tables };
      return reply.type('application/json; charset=utf-8').send(`${JSON.stringify(index, null, 2)}\n`);
    },
  );

  app.get(
    `${prefix}dictionary`,
    {
      schema: {
        tags: [tablesTag.name],
        summary: 'The data dictionary: every table and column, its datatype, meaning and RDF property (HTML, from the CSVW metadata)',
        response: { 200: opaqueAnswer('The data dictionary', ['text/html']) },
      },
    },
    async (_request, reply) => {
      const { store } = app;
      const html = dataDictionary(
        tableSpecs.map((spec) => tableMetadata(spec, store.baseIri, store.version)),
        store.version,
      );
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );

  app.get<{ Params: { file: string } }>(
    `${prefix}:file`,
    {
      schema: {
        tags: [tablesTag.name],
        summary: 'One table as CSV ({name}.csv), or its W3C CSV on the Web metadata ({name}.csv-metadata.json)',
        params: {
          type: 'object',
          required: ['file'],
          properties: { file: { type: 'string', description: 'A table name from the index with .csv or .csv-metadata.json', maxLength: 200 } },
        },
        response: {
          200: opaqueAnswer('The table (with a Link header to its metadata), or its metadata', ['text/csv', csvMetadataMediaType]),
          404: plainTextAnswer('No such table'),
        },
      },
    },
    async (request, reply) => {
      const { store } = app;
      const { file } = request.params;
      const metadata = file.endsWith(`.csv${metadataSuffix}`);
      const name = file.replace(metadata ? `.csv${metadataSuffix}` : /\.csv$/, '');
      const spec = findTableSpec(name);
      if (spec === undefined || (!metadata && !file.endsWith('.csv'))) {
        throw new NotFoundError(`no table named ${JSON.stringify(file)}: see ${indexPath} for the list`);
      }
      if (metadata) {
        return reply.type(`${csvMetadataMediaType}; charset=utf-8`).send(`${JSON.stringify(tableMetadata(spec, store.baseIri, store.version), null, 2)}\n`);
      }
      const csv = tableCsv(await buildTable(store, spec));
      return reply
        .type('text/csv; charset=utf-8; header=present')
        .header('link', `<${prefix}${csvFile(spec.name)}${metadataSuffix}>; rel="describedby"; type="${csvMetadataMediaType}"`)
        .send(csv);
    },
  );

  app.get(
    `/${relativeNamespaces.csvm}`,
    {
      schema: {
        tags: [tablesTag.name],
        summary: 'CSV on the Web site-wide location templates: where the metadata of a CSV file is found',
        response: { 200: plainTextAnswer('One URI template per line') },
      },
    },
    async (_request, reply) => reply.type('text/plain; charset=utf-8').send(siteWideLocations),
  );
};
