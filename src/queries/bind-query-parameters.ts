// Turns request parameters into RDF terms for a saved query's BASIL variables; a bad value is a 400 naming the parameter.
import { DataFactory } from 'n3';
import type { Term } from '@rdfjs/types';
import { BadRequestError } from '../errors/casegraph-error.js';
import { xsd } from '../vocabulary/namespaces.js';
import type { QueryParameter, SavedQuery } from './saved-query.js';

/**
 * Lexical forms we accept per xsd datatype; the engine would otherwise compare ill-typed literals silently.
 * The route schemas carry them too, as `pattern`.
 */
export const lexicalForms: Readonly<Record<string, RegExp>> = {
  [xsd('integer')]: /^[+-]?\d+$/,
  [xsd('decimal')]: /^[+-]?(\d+(\.\d*)?|\.\d+)$/,
  [xsd('double')]: /^[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF|NaN)$/,
  [xsd('boolean')]: /^(true|false|1|0)$/,
  [xsd('date')]: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  [xsd('dateTime')]: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/,
  [xsd('gYear')]: /^\d{4}$/,
  [xsd('gYearMonth')]: /^\d{4}-(0[1-9]|1[0-2])$/,
};

export type ParameterInput = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Checks names, presence, types and enumerations, then builds one term per given parameter.
 * `reserved` names (such as `page`) belong to the API, not to the query.
 */
export function bindQueryParameters(
  query: SavedQuery,
  input: ParameterInput,
  baseIri: string,
  reserved: readonly string[] = [],
): Record<string, Term> {
  const known = new Map(query.parameters.map((p) => [p.name, p]));
  for (const name of Object.keys(input)) {
    if (!known.has(name) && !reserved.includes(name)) {
      const takes = query.parameters.length ? `it takes ${query.parameters.map((p) => p.name).join(', ')}` : 'it takes none';
      throw new BadRequestError(`unknown parameter "${name}" for query ${query.name}; ${takes}`);
    }
  }
  const bindings: Record<string, Term> = {};
  for (const parameter of query.parameters) {
    const raw = input[parameter.name];
    if (Array.isArray(raw)) throw new BadRequestError(`parameter "${parameter.name}" is given more than once`);
    const value = (raw as string | undefined) ?? parameter.default;
    if (value === undefined || value === '') {
      if (parameter.required) throw new BadRequestError(`parameter "${parameter.name}" is required (${parameter.typeName})`);
      continue;
    }
    if (parameter.values && !parameter.values.includes(value)) {
      throw new BadRequestError(`parameter "${parameter.name}" must be one of ${parameter.values.join(', ')}; got ${JSON.stringify(value)}`);
    }
    bindings[parameter.variable] = toTerm(parameter, value, baseIri);
  }
  return bindings;
}

function toTerm(parameter: QueryParameter, value: string, baseIri: string): Term {
  const { type } = parameter;
  switch (type.kind) {
    case 'iri': {
      let iri: URL;
      try {
        // Relative IRIs read against the base, so `id/person/gulmire-imin` works as well as the full IRI.
        iri = new URL(value, baseIri);
      } catch {
        throw new BadRequestError(`parameter "${parameter.name}" must be an IRI; got ${JSON.stringify(value)}`);
      }
      if (!/^https?:$|^urn:$/.test(iri.protocol) || /[\s<>"{}|\\^`]/.test(value)) {
        throw new BadRequestError(`parameter "${parameter.name}" must be an http(s) IRI; got ${JSON.stringify(value)}`);
      }
      return DataFactory.namedNode(iri.href);
    }
    case 'language':
      return DataFactory.literal(value, type.language);
    case 'literal': {
      const pattern = lexicalForms[type.datatype];
      if (pattern && !pattern.test(value)) {
        throw new BadRequestError(`parameter "${parameter.name}" must be ${parameter.typeName === 'integer' ? 'an' : 'a'} ${parameter.typeName}; got ${JSON.stringify(value)}`);
      }
      return type.datatype === xsd('string') ? DataFactory.literal(value) : DataFactory.literal(value, DataFactory.namedNode(type.datatype));
    }
  }
}
