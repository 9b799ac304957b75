// Every W3C query-evaluation test casegraph does not pass, each with the reason: the conformance test fails on any other.

/**
 * Keyed by test IRI relative to https://w3c.github.io/rdf-tests/sparql/sparql11/ (manifest `#` name).
 * Both fail identically with plain Comunica 5.4 (`@comunica/query-sparql-rdfjs` over an N3 store, no casegraph
 * code involved), so they are engine limitations, not something our setup adds; listed in the README.
 */
export const skippedTests: Readonly<Record<string, string>> = {
  'aggregates/manifest#agg-empty-group-count-graph':
    'Comunica 5.4 evaluates an aggregate subquery inside GRAPH ?g once over all graphs: it returns one row without ?g instead of one count per named graph.',
  'bindings/manifest#graph':
    'Comunica 5.4 does not join VALUES inside GRAPH ?g with the graph name: the UNDEF row stays unbound for ?g instead of matching each named graph.',
};
