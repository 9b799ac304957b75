// The public face of SHACL validation.
export { validateDataset, type ValidationResult } from './validate-dataset.js';
