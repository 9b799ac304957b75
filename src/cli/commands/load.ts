// `casegraph load --to sparql`: validates ontology and data with SHACL, then loads them into a SPARQL server as a new served version.
import { loadConfig, ontologyDir } from '../../config/load-config.js';
import { loadIntoSparql } from '../../backends/open-store.js';
import { validateDataset } from '../../validation/index.js';
import { defineCommand } from '../command.js';
import { configWithData, dataOption } from '../data-option.js';

export const loadCommand = defineCommand({
  name: 'load',
  summary: 'Validate ontology and data, then load them into a SPARQL 1.1 server (Virtuoso, Fuseki, …) that STORE=sparql then serves.',
  details: [
    'Each file becomes one named graph, stored under a name of this dataset version ({base}store/{version}/graph/…); the store starts serving the new version only once every graph is written and counted, with one update of {base}store/catalog. A load that fails or is stopped leaves the previous version served; run it again to finish. The version served before stays for replicas still running on it; older ones are dropped.',
    'Reads SPARQL_QUERY_URL, SPARQL_UPDATE_URL, SPARQL_USER and SPARQL_PASSWORD (never printed).',
  ],
  options: [
    { name: 'to', short: 't', type: 'string', valueName: 'STORE', choices: ['sparql'], description: 'Where to load: sparql (the only remote store kind).' },
    dataOption,
  ],
  environment: ['BASE_IRI', 'DATA_DIRS', 'SPARQL_QUERY_URL', 'SPARQL_UPDATE_URL', 'SPARQL_USER', 'SPARQL_PASSWORD'],
  exitNotes: { 1: 'data that does not conform to the shapes, or a store that cannot be reached or refused a write (the previous version stays served)' },
  examples: [
    'SPARQL_QUERY_URL=http://127.0.0.1:8890/sparql SPARQL_UPDATE_URL=http://127.0.0.1:8890/sparql-auth SPARQL_USER=dba SPARQL_PASSWORD=… casegraph load --to sparql',
  ],
  async run({ values }, io) {
    if (values.to !== 'sparql') {
      io.err('casegraph load: give --to sparql (the only store casegraph loads into)\n');
      return 2;
    }
    const data = configWithData(values.data);
    const config = { ...loadConfig({ ...process.env, STORE: 'sparql' }), dataDirs: data.dataDirs };
    const report = await validateDataset({ root: config.root, baseIri: config.baseIri, paths: config.dataDirs.filter((dir) => dir !== ontologyDir) });
    if (!report.conforms) {
      io.err(`not loaded: ${report.results.length} SHACL problem(s); run casegraph validate for the report\n`);
      return 1;
    }
    io.err(`valid: ${report.files.length} files conform to the shapes\n`);
    const loaded = await loadIntoSparql(config, (line) => io.err(`${line}\n`));
    io.out(
      loaded.loaded
        ? `loaded dataset version ${loaded.version}: ${loaded.graphs} graphs, ${loaded.quads} quads${loaded.previous ? ` (replacing ${loaded.previous})` : ''}\n`
        : `dataset version ${loaded.version} is already served; nothing loaded\n`,
    );
    return 0;
  },
});
