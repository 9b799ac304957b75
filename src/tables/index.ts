// The public face of /api/tables: the plugin, and the tables and their CSVW metadata the dumps include.
export { tablesPlugin, tablesTag, siteWideLocations } from './tables-plugin.js';
export { buildTable, tableCsv, tableColumns, shortId, type BuiltTable, type TableColumn } from './build-table.js';
export { tableMetadata, csvFile, metadataSuffix, csvMetadataMediaType } from './table-metadata.js';
export { dataDictionary, dataDictionaryMarkdown, dictionaryMarkers } from './data-dictionary.js';
export { tableSpecs, findTableSpec, type TableSpec } from './table-specs.js';
