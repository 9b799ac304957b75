// Reads a SPARQL request by parsing it (never by text matching): its form, and a 400 for anything a read-only endpoint refuses.
import { treeNodes } from './tree-nodes.js';
import { Parser } from '@traqula/parser-sparql-1-2';
import { AstFactory } from '@traqula/rules-sparql-1-2';
import { toAlgebra } from '@traqula/algebra-sparql-1-2';
import { DataFactory } from 'rdf-data-factory';
import { BadRequestError } from '../errors/casegraph-error.js';
import type { ErrorLocation } from '../errors/casegraph-error.js';
import { expandEmptyGraphPatterns, markEmptyGraphPatterns } from './empty-graph-patterns.js';
import { scopeSubqueriesByGraph } from './scope-subqueries-by-graph.js';

/** SPARQL algebra as Comunica runs it. */
export type AlgebraOperation = ReturnType<typeof toAlgebra>;

export type QueryForm = 'select' | 'ask' | 'construct' | 'describe';

/** What kind of answer a query form gives: the HTTP layer negotiates a format from it before running anything. */
export type ResultKind = 'bindings' | 'boolean' | 'quads';

export interface QueryAnalysis {
  readonly form: QueryForm;
  readonly resultKind: ResultKind;
  /** The query as algebra, relative IRIs resolved against the base; the engine runs exactly this. */
  readonly operation: AlgebraOperation;
  /** The query's own BASE if it declares one (resolved), else the base it was analysed with: IRI("x") resolves against it. */
  readonly baseIri: string;
  /** SELECT's result variables in order; for `SELECT *`, in order of first appearance, as results are usually read. */
  readonly variables: readonly string[];
}

const resultKinds: Readonly<Record<QueryForm, ResultKind>> = {
  select: 'bindings',
  ask: 'boolean',
  construct: 'quads',
  describe: 'quads',
};

interface ChevrotainError {
  readonly message: string;
  readonly token?: { readonly image?: string; readonly startLine?: number; readonly startColumn?: number };
  readonly previousToken?: { readonly endLine?: number; readonly endColumn?: number };
}

/** Thrown by the parser's error handler so the first grammar error keeps its token position. */
class GrammarError extends Error {
  constructor(readonly first: ChevrotainError) {
    super(first.message);
  }
}

/**
 * One parser per analyser: building it is costly (grammar recording), parsing with it is cheap.
 * Positions are tracked in full so a syntax error can name line and column.
 */
export class QueryAnalyzer {
  private readonly parser = new Parser({
    lexerConfig: { positionTracking: 'full' },
    errorHandler: (errors: ChevrotainError[]) => {
      throw new GrammarError(errors[0] ?? { message: 'syntax error' });
    },
  } as ConstructorParameters<typeof Parser>[0]);
  private readonly dataFactory = new DataFactory();

  constructor(private readonly baseIri: string) {}

  /**
   * Parses and checks one query; throws BadRequestError with a one-line message (and line/column for syntax).
   * `baseIri` defaults to the deployment's; only the W3C conformance harness, whose queries each have their own, passes one.
   */
  analyze(text: string, baseIri: string = this.baseIri): QueryAnalysis {
    const astFactory = new AstFactory();
    let ast: unknown;
    try {
      ast = this.parser.parse(text, { baseIRI: baseIri, astFactory });
    } catch (error) {
      throw syntaxError(text, error);
    }
    const root = ast as { type?: string; subType?: string; updates?: Array<{ operation?: { subType?: string } }> };
    if (root.type === 'update') {
      const kinds = (root.updates ?? []).map((u) => u.operation?.subType).filter((k): k is string => Boolean(k));
      if (kinds.includes('load')) {
        throw new BadRequestError('LOAD is not accepted: this endpoint is read-only and never fetches a URL');
      }
      throw new BadRequestError(`SPARQL updates (${describeUpdates(kinds)}) are not accepted: this endpoint is read-only`);
    }
    const form = root.subType as QueryForm;
    if (root.type !== 'query' || !(form in resultKinds)) {
      throw new BadRequestError('not a SPARQL query (want SELECT, ASK, CONSTRUCT or DESCRIBE)');
    }
    const service = findService(ast, text);
    if (service) {
      throw new BadRequestError('SERVICE is not accepted: this endpoint never queries another endpoint', service);
    }
    let operation: AlgebraOperation;
    scopeSubqueriesByGraph(ast);
    markEmptyGraphPatterns(ast);
    try {
      operation = toAlgebra(ast as Parameters<typeof toAlgebra>[0], {
        quads: true,
        blankToVariable: true,
        baseIRI: baseIri,
        dataFactory: this.dataFactory,
      });
    } catch (error) {
      throw new BadRequestError(oneLine((error as Error).message), undefined, { cause: error });
    }
    operation = expandEmptyGraphPatterns(operation);
    const variables = form === 'select' ? selectVariables(ast, operation) : [];
    return { form, resultKind: resultKinds[form], operation, baseIri: declaredBase(ast, baseIri), variables };
  }

  /** Where an offset in the query text lies, 1-based, for errors found after parsing. */
  static position(text: string, offset: number): ErrorLocation {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  }
}

/** The SELECT's projection, looking through FROM, slices, ordering and distinct to the project node. */
function projectedVariables(operation: AlgebraOperation): string[] {
  let current = operation as { type: string; input?: unknown; variables?: Array<{ value: string }> };
  while (current.type !== 'project' && current.input && typeof current.input === 'object') {
    current = current.input as typeof current;
  }
  return (current.variables ?? []).map((v) => v.value);
}

/** The algebra sorts `SELECT *` alphabetically; the syntax tree gives each variable's first position instead. */
function selectVariables(ast: unknown, operation: AlgebraOperation): string[] {
  const projected = projectedVariables(operation);
  const selection = (ast as { variables?: Array<{ type?: string }> }).variables ?? [];
  if (!selection.some((v) => v.type === 'wildcard')) return projected;
  const firstSeen = new Map<string, number>();
  for (const found of treeNodes((ast as { where?: unknown }).where)) {
    const node = found as { type?: string; subType?: string; value?: unknown; loc?: { start?: number } };
    if (node.type === 'term' && node.subType === 'variable' && typeof node.value === 'string') {
      const start = node.loc?.start ?? Number.MAX_SAFE_INTEGER;
      firstSeen.set(node.value, Math.min(start, firstSeen.get(node.value) ?? Number.MAX_SAFE_INTEGER));
    }
  }
  const position = (name: string) => firstSeen.get(name) ?? Number.MAX_SAFE_INTEGER;
  return [...projected].sort((a, b) => position(a) - position(b));
}

/** The last BASE in the prologue wins, resolved against the one before it, as the grammar reads them. */
function declaredBase(ast: unknown, baseIri: string): string {
  const context = (ast as { context?: Array<{ subType?: string; value?: { value?: string } }> }).context ?? [];
  let base = baseIri;
  for (const entry of context) {
    if (entry.subType !== 'base' || typeof entry.value?.value !== 'string') continue;
    try {
      base = new URL(entry.value.value, base).href;
    } catch {
      base = entry.value.value;
    }
  }
  return base;
}

function describeUpdates(kinds: readonly string[]): string {
  const names = [
    ...new Set(
      kinds.map((k) =>
        k
          .replace(/data$/, ' DATA')
          .replace(/where$/, ' WHERE')
          .toUpperCase(),
      ),
    ),
  ];
  return names.length > 0 ? names.join(', ') : 'empty update';
}

/** Finds a SERVICE clause anywhere in the syntax tree, with where it starts. */
function findService(node: unknown, text: string): ErrorLocation | undefined {
  for (const record of treeNodes(node)) {
    if (record.type === 'pattern' && record.subType === 'service') {
      const start = (record.loc as { start?: number } | undefined)?.start;
      return typeof start === 'number' ? QueryAnalyzer.position(text, start) : {};
    }
  }
  return undefined;
}

function syntaxError(text: string, error: unknown): BadRequestError {
  // The parser recurses once per nesting level: a query nested thousands deep exhausts the stack.
  if (error instanceof RangeError) {
    return new BadRequestError('the query is nested too deeply to be read (thousands of levels of braces or brackets)', undefined, { cause: error });
  }
  if (error instanceof GrammarError) {
    const { token, previousToken, message } = error.first;
    let line = token?.startLine;
    let column = token?.startColumn;
    // At end of input the token is EOF without a position: point just past the last real token.
    if ((line === undefined || Number.isNaN(line)) && previousToken?.endLine !== undefined) {
      line = previousToken.endLine;
      column = (previousToken.endColumn ?? 0) + 1;
    }
    const location = line !== undefined && !Number.isNaN(line) ? { line, column } : undefined;
    return new BadRequestError(`syntax error: ${grammarMessage(message, token?.image)}`, location, { cause: error });
  }
  const message = (error as Partial<Error> | undefined)?.message ?? String(error);
  // Lexer errors carry an offset in their text; semantic errors (e.g. an unknown prefix) carry none.
  const offset = /at offset: (\d+)/.exec(message)?.[1];
  const location = offset !== undefined ? QueryAnalyzer.position(text, Number(offset)) : undefined;
  const character = /->(.*?)<-/s.exec(message)?.[1];
  const what = character !== undefined ? `unexpected character ${JSON.stringify(character)}` : oneLine(message);
  return new BadRequestError(`syntax error: ${what}`, location, { cause: error });
}

/** Chevrotain lists every token it could have taken; a one-line answer says what was expected or found. */
function grammarMessage(message: string, image: string | undefined): string {
  const found = image ? JSON.stringify(image) : 'the end of the query';
  const expected = /^Expecting --> (.+?) <-- but found/.exec(message)?.[1];
  if (expected !== undefined) return `expected ${JSON.stringify(expected)} but found ${found}`;
  if (message.startsWith('Redundant input')) return `unexpected ${found} after the end of the query`;
  return `unexpected ${found}`;
}

/** Error messages from the parser span lines (token lists); an answer's message is one line. */
function oneLine(message: string): string {
  const first = message.split('\n').find((l) => l.trim() !== '' && !l.startsWith('Parse error')) ?? message;
  return first.trim().replace(/\s+/g, ' ');
}
