// The public face of SHACL validation.
export { validateDataset, validateGraph, type DatasetReport, type ValidationReport, type ValidationResult } from './validate-dataset.js';
export { curationChecks, type CurationCheck, type CurationFinding } from './curation-report.js';
