// `GRAPH ?g {}` and `GRAPH <g> {}` (and a GRAPH group without triple patterns) as SPARQL defines them: the algebra translation drops the graph, so it is marked before and rebuilt after.
import { DataFactory } from 'rdf-data-factory';
import type { AlgebraOperation } from './query-analyzer.js';
import { treeNodes } from './tree-nodes.js';

/**
 * Variables of the stand-in triple pattern; no query can clash with them by accident, and they are projected
 * away again, so no answer ever shows them.
 */
export const markerPrefix = '__casegraph_empty_graph_';

interface AstNode {
  type?: string;
  subType?: string;
  patterns?: unknown[];
  [key: string]: unknown;
}

/**
 * Puts one stand-in triple pattern `?m_s ?m_p ?m_o` into every GRAPH group of a parsed query that is empty or holds no triple pattern (SPARQL 1.1
 * §18.2.2.6 and 18.5: `GRAPH ?g {}` has one solution per named graph, `GRAPH <g> {}` one if the graph exists, none
 * otherwise). @traqula/algebra-sparql-1-2 translates an empty GRAPH group to the empty pattern, which answers one
 * solution with `?g` unbound, and Comunica answers `ASK { GRAPH <http://nowhere/> {} }` true.
 */
export function markEmptyGraphPatterns(ast: unknown): void {
  let count = 0;
  // The stand-in is walked too once added, harmlessly: it is a bgp, not a GRAPH group.
  for (const found of treeNodes(ast)) {
    const node = found as AstNode;
    if (node.type === 'pattern' && node.subType === 'graph' && Array.isArray(node.patterns) && !containsTriples(node.patterns)) {
      const n = count++;
      const variable = (part: string) => ({ type: 'term', subType: 'variable', value: `${markerPrefix}${String(n)}_${part}` });
      const stand = {
        type: 'pattern',
        subType: 'bgp',
        triples: [{ type: 'triple', subject: variable('s'), predicate: variable('p'), object: variable('o'), annotations: [] }],
      };
      // A group with content keeps it in a group of its own, joined with the stand-in: inside, the graph
      // variable stays unbound as SPARQL scopes it (`GRAPH ?g { FILTER(BOUND(?g)) }` has no solution).
      const content = node.patterns.length > 0 ? [{ type: 'pattern', subType: 'group', patterns: node.patterns.splice(0) }] : [];
      node.patterns.push(...content, stand);
    }
  }
}

/**
 * Whether a triple pattern (or property path) occurs anywhere in the group. A GRAPH group without one, such
 * as `GRAPH ?g { VALUES (?g ?t) { (UNDEF "foo") } }` or `GRAPH ?g { BIND(1 AS ?x) }`, loses its graph in the
 * algebra just as an empty one does (the W3C test bindings#graph): the stand-in joins it with the graph names.
 */
function containsTriples(patterns: unknown[]): boolean {
  for (const found of treeNodes(patterns)) {
    const node = found as AstNode & { triples?: unknown[] };
    if (node.type === 'pattern' && node.subType === 'bgp' && (node.triples?.length ?? 0) > 0) return true;
  }
  return false;
}

type Operation = Record<string, unknown> & { type: string };
interface PatternLike {
  subject: { termType: string; value: string };
  graph: { termType: string; value: string };
}

const factory = new DataFactory();

/**
 * Turns each stand-in pattern back into what the empty group means: over a variable graph the distinct graph
 * names (a graph with no triples does not exist in a quad store, so every existing graph has one), over a named
 * graph at most one empty solution. Marker variables are removed from every projection, `SELECT *` included.
 */
export function expandEmptyGraphPatterns(operation: AlgebraOperation): AlgebraOperation {
  return rewrite(operation) as AlgebraOperation;
}

function isMarker(pattern: PatternLike): boolean {
  return pattern.subject.termType === 'Variable' && pattern.subject.value.startsWith(markerPrefix);
}

function rewrite(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewrite);
  if (!node || typeof node !== 'object' || !('type' in node)) return node;
  const op = node as Operation;
  if (op.type === 'bgp' && Array.isArray(op.patterns)) {
    const patterns = op.patterns as PatternLike[];
    const markers = patterns.filter(isMarker);
    if (markers.length === 0) return op;
    const others = patterns.filter((p) => !isMarker(p));
    const parts: Operation[] = markers.map((marker) => emptyGraph(marker));
    if (others.length > 0) parts.unshift({ ...op, patterns: others });
    return parts.length === 1 ? parts[0] : { type: 'join', input: parts };
  }
  const copy: Operation = { ...op };
  for (const [key, value] of Object.entries(op)) {
    if (key === 'type') continue;
    if (value && typeof value === 'object') copy[key] = rewrite(value);
  }
  if (op.type === 'project' && Array.isArray(op.variables)) {
    copy.variables = (op.variables as Array<{ value: string }>).filter((v) => !v.value.startsWith(markerPrefix));
  }
  return copy;
}

function emptyGraph(marker: PatternLike): Operation {
  const bgp: Operation = { type: 'bgp', patterns: [marker] };
  if (marker.graph.termType === 'Variable') {
    return { type: 'distinct', input: { type: 'project', input: bgp, variables: [factory.variable(marker.graph.value)] } };
  }
  return { type: 'slice', start: 0, length: 1, input: { type: 'project', input: bgp, variables: [] } };
}
