// What a saved query is: a grlc-decorated .rq file with BASIL-style parameters.

/** How a parameter's text is read into an RDF term. */
export type ParameterType =
  | { readonly kind: 'iri' }
  | { readonly kind: 'literal'; readonly datatype: string }
  | { readonly kind: 'language'; readonly language: string };

/** A BASIL parameter: `?_name_type` (required) or `?__name_type` (optional). */
export interface QueryParameter {
  /** Name used in URLs and on the command line: `charge` for `?__charge_iri`. */
  readonly name: string;
  /** The SPARQL variable it binds, without `?`: `__charge_iri`. */
  readonly variable: string;
  readonly required: boolean;
  readonly type: ParameterType;
  /** Short type name for documentation and OpenAPI: iri, string, integer, date, en, ... */
  readonly typeName: string;
  /** From `#+ defaults:`; used when the request does not give the parameter. */
  readonly default?: string;
  /** From `#+ enumerate:` with values: the only values accepted. */
  readonly values?: readonly string[];
  /** From `#+ enumerate:` without values: the accepted values are those the query itself returns. */
  readonly enumerateFromData: boolean;
}

export interface SavedQuery {
  /** Path under queries/ without `.rq`: `persons/by-charge`. */
  readonly name: string;
  /** Path relative to the project root: `queries/persons/by-charge.rq`. */
  readonly file: string;
  readonly summary: string;
  readonly description: string | undefined;
  readonly tags: readonly string[];
  readonly parameters: readonly QueryParameter[];
  /** Page size from `#+ pagination:`; undefined means one page holds every row (up to the server cap). */
  readonly pageSize: number | undefined;
  /** The whole file: the front matter is SPARQL comments, so line numbers stay true. */
  readonly text: string;
  readonly form: 'select' | 'ask' | 'construct' | 'describe';
  /** A SELECT's result variables, in order: the columns of every answer. */
  readonly variables: readonly string[];
}
