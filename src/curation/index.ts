// The public face of curation: the spreadsheet import and its template.
export { importSheet, type FileChange, type ImportOptions, type ImportOutcome, type SheetProblem } from './import-sheet.js';
export { templateColumns, templateFields } from './template-columns.js';
