// Deterministic, diff-friendly Turtle: fixed prefixes, subjects in the order given, one predicate per line, objects sorted.
import { dataFilePrefixes } from '../vocabulary/data-file-prefixes.js';
import { rdf, rdfs, xsd } from '../vocabulary/namespaces.js';

export type Term =
  | { readonly termType: 'NamedNode'; readonly value: string }
  | { readonly termType: 'Literal'; readonly value: string; readonly datatype?: string; readonly language?: string }
  | { readonly termType: 'BlankNode'; readonly description: Description };

export interface Description {
  /** Absolute IRI; empty for a blank node written inline. */
  readonly subject: string;
  readonly properties: ReadonlyArray<readonly [predicate: string, object: Term]>;
}

export interface TurtleOptions {
  readonly baseIri: string;
  /** Comment lines at the top, without `#`. */
  readonly header: readonly string[];
}

/** Writes the descriptions in the order given; the same input always gives the same bytes. */
export function writeTurtle(descriptions: readonly Description[], options: TurtleOptions): string {
  const prefixes = dataFilePrefixes.map(([prefix, iri]) => [prefix, iri.includes(':') ? iri : options.baseIri + iri] as const);
  const name = (iri: string): string => {
    // The longest namespace wins, so `id/concept/charge/x` is charge:x, not a shorter match.
    let best: readonly [string, string] | undefined;
    for (const entry of prefixes) if (iri.startsWith(entry[1]) && (!best || entry[1].length > best[1].length)) best = entry;
    if (best) {
      const local = iri.slice(best[1].length);
      if (/^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$/.test(local)) return `${best[0]}:${local}`;
    }
    return `<${iri.startsWith(options.baseIri) ? iri.slice(options.baseIri.length) : iri}>`;
  };
  const term = (t: Term, indent: string): string => {
    if (t.termType === 'NamedNode') return name(t.value);
    if (t.termType === 'BlankNode') return `[ ${body(t.description, `${indent}    `, ' ; ')} ]`;
    const quoted = `"${escapeString(t.value)}"`;
    if (t.language) return `${quoted}@${t.language}`;
    if (t.datatype && t.datatype !== xsd('string')) return `${quoted}^^${name(t.datatype)}`;
    return quoted;
  };
  const body = (d: Description, indent: string, separator: string): string => {
    const grouped = new Map<string, string[]>();
    for (const [predicate, object] of d.properties) {
      const objects = grouped.get(predicate) ?? [];
      const text = term(object, indent);
      if (!objects.includes(text)) objects.push(text);
      grouped.set(predicate, objects);
    }
    const order = (p: string) => (p === rdf('type') ? '0' : p === rdfs('label') ? '1' : p === rdfs('comment') ? '2' : `3${name(p)}`);
    return [...grouped.entries()]
      .sort(([a], [b]) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
      .map(([p, objects]) => `${p === rdf('type') ? 'a' : name(p)} ${objects.sort().join(', ')}`)
      .join(separator);
  };
  const head = [...options.header.map((line) => `# ${line}`), ...prefixes.map(([prefix, iri]) => `@prefix ${prefix}: <${relative(iri, options.baseIri)}> .`)];
  const blocks = descriptions.map((d) => `${name(d.subject)} ${body(d, '    ', ' ;\n    ')} .`);
  return `${head.join('\n')}\n\n${blocks.join('\n\n')}\n`;
}

function relative(iri: string, base: string): string {
  return iri.startsWith(base) ? iri.slice(base.length) : iri;
}

function escapeString(text: string): string {
  return text.replace(/[\\"\n\r\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? c);
}
