// The W3C SPARQL 1.1 query-evaluation suites casegraph runs (issue 3), folder names under sparql/sparql11/.
export const conformanceSuites: readonly string[] = [
  'aggregates',
  'bind',
  'bindings',
  'cast',
  'construct',
  'exists',
  'functions',
  'grouping',
  'negation',
  'project-expression',
  'property-path',
  'subquery',
  'csv-tsv-res',
  'json-res',
];
