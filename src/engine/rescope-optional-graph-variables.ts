// `GRAPH ?g { … OPTIONAL { ?s ?p ?g } }` as SPARQL scopes it: the OPTIONAL's ?g is a variable of the group, joined with the graph name after, not the graph name itself.
import { DataFactory } from 'rdf-data-factory';
import type { Quad, Term, Variable } from '@rdfjs/types';
import { mapAlgebra } from './map-algebra.js';
import type { AlgebraOperation } from './query-analyzer.js';

/** Names of the stand-in variables; projected nowhere, since the query's projection was fixed before the rewrite. */
export const scopedGraphPrefix = '__casegraph_graph_scope_';

type Operation = Record<string, unknown> & { type: string };
type Pattern = Quad & { type: 'pattern' };

const factory = new DataFactory();

/**
 * With quads, the algebra puts the graph variable into every pattern of the group, so in
 * `leftjoin(bgp(?s ?p ?o ?g), bgp(?s ?p ?g ?g))` the OPTIONAL asks for a triple whose object is the graph's own
 * name. SPARQL 1.1 §18.5 evaluates the group in each graph first, the OPTIONAL's ?g an ordinary variable, and
 * joins the graph name after: a row whose OPTIONAL bound ?g to anything else is dropped. So the optional side's
 * ?g (outside graph positions) becomes a stand-in, and a filter after the left join keeps a row only where the
 * stand-in is unbound or the graph name (W3C SPARQL 1.0 graph-optional). Rewritten only in the plain shape:
 * the left side one basic pattern over that graph variable, the right side one basic pattern, no condition.
 */
export function rescopeOptionalGraphVariables(operation: AlgebraOperation): AlgebraOperation {
  let count = 0;
  return mapAlgebra(operation, (copy) => {
    if (copy.type !== 'leftjoin' || copy.expression !== undefined || !Array.isArray(copy.input) || copy.input.length !== 2) return copy;
    const [left, right] = copy.input as [Operation, Operation];
    if (left.type !== 'bgp' || right.type !== 'bgp') return copy;
    const leftPatterns = left.patterns as Pattern[];
    const rightPatterns = right.patterns as Pattern[];
    const graph = leftPatterns[0]?.graph;
    if (graph?.termType !== 'Variable' || !leftPatterns.every((p) => p.graph.equals(graph)) || !rightPatterns.every((p) => p.graph.equals(graph))) return copy;
    if (!rightPatterns.some((p) => [p.subject, p.predicate, p.object].some((t) => t.equals(graph)))) return copy;
    const stand = factory.variable(`${scopedGraphPrefix}${String(count++)}`);
    const swap = (term: Term): Term => (term.equals(graph) ? stand : term);
    const renamed = rightPatterns.map((p) =>
      Object.assign(factory.quad(swap(p.subject) as Quad['subject'], swap(p.predicate) as Quad['predicate'], swap(p.object) as Quad['object'], p.graph), {
        type: 'pattern' as const,
      }),
    );
    const variable = (v: Variable) => ({ type: 'expression', subType: 'term', term: v });
    const call = (operator: string, ...args: unknown[]) => ({ type: 'expression', subType: 'operator', operator, args });
    return {
      type: 'filter',
      input: { ...copy, input: [left, { ...right, patterns: renamed }] },
      expression: call('||', call('!', call('bound', variable(stand))), call('sameterm', variable(graph), variable(stand))),
    };
  });
}
