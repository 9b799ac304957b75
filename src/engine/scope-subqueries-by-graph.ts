// `GRAPH ?g { SELECT … { … } }` as SPARQL scopes it: the subquery is evaluated in each named graph, so it answers per graph (its groups grouped by graph).

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
 * Rewrites, in a parsed query, every subquery that sits in a `GRAPH ?g` group without projecting `?g` (SPARQL 1.1
 * §18.5: the group, subquery included, is evaluated once per named graph, and each answer joined with its graph's
 * name). The algebra translation with quads puts `?g` into the subquery's own patterns, which do not project it, so
 * Comunica 5.4 answers with `?g` unbound, and an aggregate is taken over all graphs at once (W3C SPARQL 1.1
 * agg-empty-group-count-graph). A subquery without aggregates, `SELECT [DISTINCT] P { W } [ORDER BY O]`, becomes
 *
 *     { SELECT [DISTINCT] ?g P { GRAPH ?g { W } } [ORDER BY O] }
 *
 * (`SELECT *` stays `*`, which then takes in `?g`); an aggregate subquery `SELECT aggs { W } [GROUP BY X] [HAVING H]`
 * becomes
 *
 *     { SELECT ?g aggs { GRAPH ?g { W } } GROUP BY ?g X [HAVING H] }
 *
 * and, where it had no GROUP BY (one group per graph, even an empty one), the graphs where W matches nothing get
 * the aggregates of the empty group (COUNT 0, as the same subquery over no solution answers):
 *
 *     UNION { GRAPH ?g {} FILTER NOT EXISTS { GRAPH ?g { W } } { SELECT aggs { VALUES () {} } [HAVING H] } }
 *
 * A `?g` in the subquery's own patterns is the subquery's variable, not the graph (it is not projected): it is
 * renamed to a name the subquery does not use first. Left as it was: a subquery with LIMIT or OFFSET (a limit per
 * graph has no such form), one that projects `?g` (named, or by `*` over patterns that name it), and an aggregate one
 * that projects `*`. Runs before the empty-graph marking, which then turns `GRAPH ?g {}` into the graph names.
 * NOT EXISTS, not MINUS: inside the outer `GRAPH ?g` Comunica leaves `?g` out of the variables MINUS compares, so
 * it would remove nothing.
 */
export function scopeSubqueriesByGraph(ast: unknown): void {
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

function perGraph(written: SelectNode, graph: VariableNode): AstNode | undefined {
  if (Object.keys(written.solutionModifiers).some((key) => !['group', 'having', 'order'].includes(key))) return undefined;
  const wildcard = written.variables.some((v) => v.type === 'wildcard');
  // `*` projects a ?g its patterns name (W3C subquery02), as does a ?g in the list: then the subquery joins on it already.
  if (written.variables.some((v) => projects(v, graph.value)) || (wildcard && namesVariable(written.where, graph.value))) return undefined;
  const query = withOwnVariableRenamed(written, graph.value);
  const modifiers = query.solutionModifiers;
  const inGraph = (where: AstNode): AstNode => ({ type: 'pattern', subType: 'graph', name: graph, patterns: [where] });
  const group = (...patterns: AstNode[]): AstNode => ({ type: 'pattern', subType: 'group', patterns });

  if (!modifiers.group && !hasAggregate([query.variables, modifiers.having])) {
    // Each solution of W in a graph is a solution of the subquery there; DISTINCT per graph is DISTINCT with ?g.
    return group({ ...query, where: group(inGraph(query.where)), variables: wildcard ? query.variables : [graph, ...query.variables] });
  }
  if (wildcard) return undefined;
  const grouped: SelectNode = {
    ...query,
    where: { type: 'pattern', subType: 'group', patterns: [inGraph(structuredClone(query.where))] },
    variables: [graph, ...query.variables],
    solutionModifiers: {
      ...modifiers,
      group: { type: 'solutionModifier', subType: 'group', ...modifiers.group, groupings: [graph, ...(modifiers.group?.groupings ?? [])] },
    },
  };
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

function variablesIn(node: unknown): VariableNode[] {
  return [...treeNodes(node)].filter((found): found is VariableNode => found.type === 'term' && found.subType === 'variable');
}

function namesVariable(node: unknown, name: string): boolean {
  return variablesIn(node).some((v) => v.value === name);
}

/** The subquery with its own (unprojected) `?name` renamed to a name it does not use, or as it is if it has none. */
function withOwnVariableRenamed(query: SelectNode, name: string): SelectNode {
  if (!namesVariable(query, name)) return query;
  const renamed = structuredClone(query);
  const used = new Set(variablesIn(renamed).map((v) => v.value));
  let fresh = `${name}_local`;
  while (used.has(fresh)) fresh = `${fresh}_`;
  for (const variable of variablesIn(renamed)) if (variable.value === name) variable.value = fresh;
  return renamed;
}
