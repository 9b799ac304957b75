// The public face of linked data: its plugin, the person documents' framing, the dumps and the read helpers other slices use.
export { linkedDataPlugin, linkedDataTag } from './linked-data-plugin.js';
export { ResourceGraph } from './resource-graph.js';
export { listedPersons } from './listed-persons.js';
export { personShape, personSummaryShape } from './document-shapes.js';
export { documentFrame, frameUrl } from './document-frame.js';
export { documentFramer, type JsonObject } from './document-framer.js';
export { documentSchemas } from './document-schemas.js';
export { buildDumps } from './build-dumps.js';
export { dumpIndex, sha256Sums } from './dump-index.js';
export { datasetDescription } from './dataset-description.js';
export { resourceFormats, serializeTriples } from './resource-formats.js';
