// The public face of SHACL validation.
export { validateDataset, validateGraph, type ValidationReport, type ValidationResult } from './validate-dataset.js';
