// `GRAPH ?g { SELECT (COUNT(*) AS ?c) { … } }` as SPARQL scopes it: the aggregate subquery is evaluated in each named graph, so its groups are grouped by graph.

import { treeNodes } from './tree-nodes.js';

interface AstNode {
  type?: string;
  subType?: string;
  patterns?: AstNode[];
  [key: string]: unknown;
}

interface VariableNode extends AstNode {
  type: 'term';
  subType: 'variable';
  value: string;
}

interface SelectNode extends AstNode {
  type: 'query';
  subType: 'select';
  where: AstNode;
  variables: AstNode[];
  solutionModifiers: { group?: { type?: string; subType?: string; groupings: unknown[] }; having?: unknown; order?: unknown; [key: string]: unknown };
}

/**
 * Rewrites, in a parsed query, every aggregate subquery that sits in a `GRAPH ?g` group without projecting `?g`
 * (SPARQL 1.1 §18.5: the group, subquery included, is evaluated once per named graph). The algebra translation
 * with quads puts `?g` into the subquery's own patterns, so Comunica 5.4 aggregates over all graphs at once and
 * answers one row with `?g` unbound (W3C SPARQL 1.1 agg-empty-group-count-graph). The subquery
 * `SELECT aggs { W } [GROUP BY X] [HAVING H]` becomes
 *
 *     { SELECT ?g aggs { GRAPH ?g { W } } GROUP BY ?g X [HAVING H] }
 *
 * and, where it had no GROUP BY (one group per graph, even an empty one), the graphs where W matches nothing get
 * the aggregates of the empty group (COUNT 0, as the same subquery over no solution answers):
 *
 *     UNION { GRAPH ?g {} FILTER NOT EXISTS { GRAPH ?g { W } } { SELECT aggs { VALUES () {} } [HAVING H] } }
 *
 * Left as it was: a subquery with LIMIT or OFFSET (a limit per graph has no such form), one that projects `*`
 * or `?g`, and one whose own patterns name `?g` (there it is a variable of the subquery, not the graph).
 * Runs before the empty-graph marking, which then turns `GRAPH ?g {}` into the graph names. NOT EXISTS, not MINUS:
 * inside the outer `GRAPH ?g` Comunica leaves `?g` out of the variables MINUS compares, so it would remove nothing.
 */
export function groupAggregatesByGraph(ast: unknown): void {
  for (const found of treeNodes(ast)) {
    const node = found as AstNode;
    if (node.type !== 'pattern' || node.subType !== 'graph' || !Array.isArray(node.patterns)) continue;
    const name = node.name as VariableNode | undefined;
    if (name?.subType !== 'variable') continue;
    rewriteGroup(node.patterns, name);
  }
}

/** Patterns of the graph group itself: looked into through groups, OPTIONAL, UNION and MINUS, not into another GRAPH or a subquery. */
function rewriteGroup(patterns: AstNode[], graph: VariableNode): void {
  for (const [index, pattern] of patterns.entries()) {
    if (pattern.type === 'query' && pattern.subType === 'select') {
      const replacement = perGraph(pattern as SelectNode, graph);
      if (replacement) patterns[index] = replacement;
    } else if (pattern.type === 'pattern' && ['group', 'optional', 'union', 'minus'].includes(pattern.subType ?? '') && Array.isArray(pattern.patterns)) {
      rewriteGroup(pattern.patterns, graph);
    }
  }
}

function perGraph(query: SelectNode, graph: VariableNode): AstNode | undefined {
  const modifiers = query.solutionModifiers;
  if (Object.keys(modifiers).some((key) => !['group', 'having', 'order'].includes(key))) return undefined;
  if (!query.variables.every((v) => v.type === 'pattern' || (v.type === 'term' && v.subType === 'variable'))) return undefined;
  if (!modifiers.group && !hasAggregate([query.variables, modifiers.having])) return undefined;
  if (query.variables.some((v) => projects(v, graph.value)) || mentions(query.where, graph.value)) return undefined;

  const inGraph = (where: AstNode): AstNode => ({ type: 'pattern', subType: 'graph', name: graph, patterns: [where] });
  const grouped: SelectNode = {
    ...query,
    where: { type: 'pattern', subType: 'group', patterns: [inGraph(structuredClone(query.where))] },
    variables: [graph, ...query.variables],
    solutionModifiers: {
      ...modifiers,
      group: { type: 'solutionModifier', subType: 'group', ...modifiers.group, groupings: [graph, ...(modifiers.group?.groupings ?? [])] },
    },
  };
  const group = (...patterns: AstNode[]): AstNode => ({ type: 'pattern', subType: 'group', patterns });
  if (modifiers.group) return group(grouped);
  const emptyGroup: SelectNode = {
    ...structuredClone(query),
    where: group({ type: 'pattern', subType: 'values', variables: [], values: [] }),
  };
  const unmatched = group(
    { type: 'pattern', subType: 'graph', name: graph, patterns: [] },
    {
      type: 'pattern',
      subType: 'filter',
      expression: { type: 'expression', subType: 'patternOperation', operator: 'notexists', args: group(inGraph(structuredClone(query.where))) },
    },
    group(emptyGroup),
  );
  return { type: 'pattern', subType: 'union', patterns: [group(grouped), unmatched] };
}

function hasAggregate(parts: unknown[]): boolean {
  for (const found of treeNodes(parts)) if (found.type === 'expression' && found.subType === 'aggregate') return true;
  return false;
}

function projects(variable: AstNode, name: string): boolean {
  const target = variable.type === 'pattern' ? (variable.variable as VariableNode | undefined) : (variable as unknown as VariableNode);
  return target?.value === name;
}

function mentions(where: AstNode, name: string): boolean {
  for (const found of treeNodes(where)) if (found.type === 'term' && found.subType === 'variable' && found.value === name) return true;
  return false;
}
