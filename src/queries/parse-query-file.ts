// Reads one saved query: grlc `#+` front matter (YAML) and BASIL parameters; errors name file and line.
import { LineCounter, parseDocument } from 'yaml';
import { DataError } from '../errors/casegraph-error.js';
import { xsd } from '../vocabulary/namespaces.js';
import type { ParameterType, QueryParameter, SavedQuery } from './saved-query.js';

/** Decorators we honour; grlc's others (endpoint, transform, method other than GET) would change what runs where. */
const knownDecorators = new Set(['summary', 'description', 'tags', 'defaults', 'enumerate', 'pagination', 'method']);

/** xsd datatypes a parameter may name as its type suffix (`?_year_integer`, `?_day_xsd_date`). */
const literalTypes = new Set(['string', 'integer', 'decimal', 'double', 'boolean', 'date', 'dateTime', 'gYear', 'gYearMonth']);

interface FrontMatter {
  summary?: unknown;
  description?: unknown;
  tags?: unknown;
  defaults?: unknown;
  enumerate?: unknown;
  pagination?: unknown;
  method?: unknown;
}

/** Parses a .rq file's text; `form` and `variables` come from the caller, who has parsed the SPARQL itself. */
export function parseQueryFile(
  file: string,
  name: string,
  text: string,
  sparql: Pick<SavedQuery, 'form' | 'variables'>,
): SavedQuery {
  const lines = text.split(/\r?\n/);
  const headerLength = lines.findIndex((line) => !line.startsWith('#+'));
  const header = lines.slice(0, headerLength === -1 ? lines.length : headerLength);
  if (header.length === 0) throw new DataError('a saved query starts with grlc front matter: "#+ summary: ..."', { file, line: 1 });

  const lineCounter = new LineCounter();
  const yamlText = header.map((line) => line.slice(2).replace(/^ /, '')).join('\n');
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true });
  const [yamlError] = doc.errors;
  if (yamlError) {
    const [pos] = yamlError.linePos ?? [];
    throw new DataError(`front matter: ${yamlError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`, { file, line: pos?.line, column: pos ? pos.col + 3 : undefined });
  }
  const at = (key: string): number | undefined => {
    const node = doc.get(key, true) as { range?: [number] } | undefined;
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  const fail = (key: string, message: string): never => {
    throw new DataError(message, { file, line: at(key) ?? 1 });
  };
  const matter = doc.toJS() as FrontMatter | null;
  if (!matter || typeof matter !== 'object' || Array.isArray(matter)) fail('summary', 'front matter must be "#+ key: value" lines');
  const fm = matter as FrontMatter;
  for (const key of Object.keys(fm)) {
    if (!knownDecorators.has(key)) fail(key, `unknown grlc decorator "${key}" (known: ${[...knownDecorators].join(', ')})`);
  }
  if (typeof fm.summary !== 'string' || fm.summary.trim() === '') fail('summary', '"#+ summary:" is required and must be text');
  if (fm.description !== undefined && typeof fm.description !== 'string') fail('description', '"#+ description:" must be text');
  if (fm.method !== undefined && fm.method !== 'GET') fail('method', 'saved queries are read-only: "#+ method:" may only be GET');
  const tags = fm.tags === undefined ? [] : fm.tags;
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) fail('tags', '"#+ tags:" must be a list of words');
  let pageSize: number | undefined;
  if (fm.pagination !== undefined) {
    if (!Number.isInteger(fm.pagination) || (fm.pagination as number) < 1) fail('pagination', '"#+ pagination:" must be a positive whole number');
    pageSize = fm.pagination as number;
  }

  const parameters = findParameters(text, headerLength === -1 ? lines.length : headerLength, file);
  const byName = new Map(parameters.map((p) => [p.name, p]));
  const defaults = readNameMap(fm.defaults, 'defaults', fail);
  const enumerate = readNameMap(fm.enumerate, 'enumerate', fail);
  for (const key of [...defaults.keys(), ...enumerate.keys()]) {
    if (!byName.has(key)) fail(defaults.has(key) ? 'defaults' : 'enumerate', `front matter names parameter "${key}", but the query has no ?_${key} or ?__${key} variable`);
  }
  const finished = parameters.map((p): QueryParameter => {
    const def = defaults.get(p.name);
    const values = enumerate.get(p.name);
    if (def !== undefined && typeof def !== 'string' && typeof def !== 'number') fail('defaults', `default of "${p.name}" must be one value`);
    if (values !== undefined && values !== null && !(Array.isArray(values) && values.every((v) => typeof v === 'string' || typeof v === 'number'))) {
      fail('enumerate', `values of "${p.name}" must be a list`);
    }
    if (enumerate.has(p.name) && !Array.isArray(values) && p.required) {
      fail('enumerate', `"${p.name}" is required, so its values cannot be read from the query's own answers; list them`);
    }
    return {
      ...p,
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the check above refused anything but a string or a number
      ...(def !== undefined ? { default: String(def) } : {}),
      ...(Array.isArray(values) ? { values: values.map(String) } : {}),
      enumerateFromData: enumerate.has(p.name) && !Array.isArray(values),
    };
  });

  return {
    name,
    file,
    summary: (fm.summary as string).trim(),
    description: typeof fm.description === 'string' ? fm.description.trim() : undefined,
    tags: tags as string[],
    parameters: finished,
    pageSize,
    text,
    form: sparql.form,
    variables: sparql.variables,
  };
}

/** grlc writes defaults and enumerations as a list of one-key maps (or bare names, for enumerate). */
function readNameMap(value: unknown, key: string, fail: (key: string, message: string) => never): Map<string, unknown> {
  const map = new Map<string, unknown>();
  if (value === undefined) return map;
  if (!Array.isArray(value)) fail(key, `"#+ ${key}:" must be a list`);
  for (const item of value as unknown[]) {
    if (typeof item === 'string') map.set(item, null);
    else if (item && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length === 1) {
      const [[name, v]] = Object.entries(item) as [[string, unknown]];
      map.set(name, v);
    } else fail(key, `each "#+ ${key}:" item is "- name" or "- name: value"`);
  }
  return map;
}

const variablePattern = /[?$](__?)([A-Za-z][A-Za-z0-9]*)((?:_[A-Za-z0-9]+)*)\b/g;

/**
 * BASIL parameters are the variables whose names start with `_`. They are found in the query body with
 * comments and string literals blanked out, so a `?_x` inside a string is not a parameter.
 */
function findParameters(text: string, headerLines: number, file: string): Array<Omit<QueryParameter, 'enumerateFromData'>> {
  const body = text
    .split(/\r?\n/)
    .map((line, i) => (i < headerLines ? '' : line))
    .join('\n')
    .replace(/("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>)|#[^\n]*/g, (m, literal: string | undefined) =>
      literal ? ' '.repeat(m.length) : '',
    );
  const found = new Map<string, Omit<QueryParameter, 'enumerateFromData'>>();
  for (const match of body.matchAll(variablePattern)) {
    const [, underscores = '', name = '', suffix = ''] = match;
    const variable = `${underscores}${name}${suffix}`;
    const line = body.slice(0, match.index).split('\n').length;
    const { type, typeName } = parameterType(suffix.slice(1), { file, line });
    const previous = found.get(name);
    if (previous && previous.variable !== variable) {
      throw new DataError(`parameter "${name}" appears as ?${previous.variable} and ?${variable}; use one spelling`, { file, line });
    }
    found.set(name, { name, variable, required: underscores === '_', type, typeName });
  }
  return [...found.values()];
}

function parameterType(suffix: string, where: { file: string; line: number }): { type: ParameterType; typeName: string } {
  if (suffix === '') return { type: { kind: 'literal', datatype: xsd('string') }, typeName: 'string' };
  if (suffix === 'iri') return { type: { kind: 'iri' }, typeName: 'iri' };
  const local = suffix.replace(/^xsd_/, '');
  if (literalTypes.has(local)) return { type: { kind: 'literal', datatype: xsd(local) }, typeName: local };
  if (/^[a-z]{2,3}$/.test(suffix)) return { type: { kind: 'language', language: suffix }, typeName: suffix };
  throw new DataError(`unknown parameter type "_${suffix}" (want _iri, _${[...literalTypes].join(', _')}, or a language code such as _en)`, where);
}
