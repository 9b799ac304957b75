// Chooses the representation of an answer, one way for every route: format=, then a path suffix, then Accept.
import { BadRequestError, NotAcceptableError } from '../errors/casegraph-error.js';
import type { Representation } from '../formats/representation.js';
import { parseAccept, qualityOf } from './parse-accept.js';

export type { Representation };

/** `format=` as the request carries it: an array while the route's schema does not yet refuse a repeated one. */
export type FormatValue = string | readonly string[] | undefined;

export interface ChooseOptions<R extends Representation> {
  /** What the answer is, for the 406: `the communication`, `a SELECT result`. */
  readonly what: string;
  /**
   * The request's `format=`, on routes that take one; leave the property out on routes that do not, so the
   * 406 does not offer it. Undefined when the request has none.
   */
  readonly format?: FormatValue;
  /**
   * Several `format=` values are allowed, the first naming an offer deciding (SPARQLWrapper sends a name and
   * a media type for one format). Otherwise a repeated `format=` is a 400.
   */
  readonly formatMayRepeat?: boolean;
  /** Other spellings `format=` takes, to a representation's name (`n3` to `turtle`). */
  readonly formatSynonyms?: Readonly<Record<string, string>>;
  /** Representations `format=` may name that cannot carry this answer: naming one is a 406, not a 400. */
  readonly known?: readonly Representation[];
  /** The suffix the request path ends with, on routes with suffix URLs: it fixes the representation. */
  readonly suffix?: string;
  /** False on a route that does not read Accept: without `format=` it answers its first offer. */
  readonly byAccept?: boolean;
  /** Sent instead of a 406 when Accept allows no offer (a 404 page as plain text). */
  readonly fallback?: R;
  /** A sentence the 406 ends with: where else to look. */
  readonly seeAlso?: string;
}

/** What the chooser reads of a request: only Accept; `format=` and the suffix come in the options. */
export interface NegotiatingRequest {
  readonly headers: { readonly accept?: string | undefined };
}

/** What the chooser writes on a reply: `Vary`. */
export interface VaryingReply {
  getHeader(name: string): unknown;
  header(name: string, value: string): unknown;
}

/**
 * The representation to send, from the offers in the server's order of preference:
 * 1. `format=` when given (400 for a value naming nothing known, 406 for one that cannot carry this answer);
 * 2. else the path's suffix;
 * 3. else Accept, by q-value and specificity (RFC 9110), the server's order breaking ties; `Vary: Accept`
 *    is set, since only then could Accept change the answer; 406 when it allows no offer.
 */
export function chooseRepresentation<R extends Representation>(
  request: NegotiatingRequest,
  reply: VaryingReply,
  offers: readonly R[],
  options: ChooseOptions<R>,
): R {
  const values = options.format === undefined ? [] : typeof options.format === 'string' ? [options.format] : options.format;
  if (values.length > 0) {
    if (options.suffix !== undefined) throw new BadRequestError(`parameter "format" cannot be combined with the ${options.suffix} suffix`);
    return byFormat(values, offers, options);
  }
  if (options.suffix !== undefined) {
    const fixed = offers.find((offer) => offer.suffix === options.suffix);
    if (!fixed) throw new TypeError(`no representation has the suffix ${options.suffix}`);
    return fixed;
  }
  const [first] = offers;
  if (options.byAccept === false && first) return first;

  addVary(reply, 'Accept');
  const chosen = byAccept(request.headers.accept, offers) ?? options.fallback;
  if (!chosen) throw notAcceptable('none of the accepted media types can carry', offers, options);
  return chosen;
}

/** The offer with the highest q above 0: each offer's own media type first, then the aliases, so the server's order decides ties. */
function byAccept<R extends Representation>(accept: string | undefined, offers: readonly R[]): R | undefined {
  const ranges = parseAccept(accept);
  const candidates = [
    ...offers.map((offer) => [offer.mediaType, offer] as const),
    ...offers.flatMap((offer) => (offer.aliases ?? []).map((alias) => [alias, offer] as const)),
  ];
  let chosen: R | undefined;
  let chosenQ = 0;
  for (const [mediaType, offer] of candidates) {
    const q = qualityOf(mediaType, ranges);
    if (q > chosenQ) {
      chosen = offer;
      chosenQ = q;
    }
  }
  return chosen;
}

/**
 * A value of `format=` names a representation by name, synonym, media type or alias, in any case. When several
 * are allowed, values naming nothing known are an error only when no value names anything known.
 */
function byFormat<R extends Representation>(values: readonly string[], offers: readonly R[], options: ChooseOptions<R>): R {
  const pool: readonly Representation[] = [...offers, ...(options.known ?? []).filter((r) => !offers.some((offer) => offer.name === r.name))];
  const names = pool.map((r) => r.name);
  if (values.length > 1 && !options.formatMayRepeat) {
    throw new BadRequestError(`parameter "format" is given more than once: give one of ${names.join(', ')}`);
  }
  const lookUp = (value: string): Representation | undefined => {
    const wanted = value.trim().toLowerCase();
    const name = options.formatSynonyms?.[wanted] ?? wanted;
    return pool.find((r) => r.name === name || r.mediaType === wanted || (r.aliases ?? []).includes(wanted));
  };
  const named = values.map(lookUp).filter((r): r is Representation => r !== undefined);
  if (named.length === 0) {
    // SPARQL clients send several values, so that message names them all; the single-value one names the parameter.
    throw new BadRequestError(
      options.formatMayRepeat
        ? `unknown format ${values.map((v) => JSON.stringify(v)).join(', ')}: use one of ${names.join(', ')}`
        : `parameter "format" must be one of ${names.join(', ')}; got ${JSON.stringify(values[0])}`,
    );
  }
  const chosen = named.map((r) => offers.find((offer) => offer === r)).find((r) => r !== undefined);
  if (!chosen) throw notAcceptable(`format ${named[0]?.name ?? ''} cannot carry`, offers, options);
  return chosen;
}

/** The one 406: what was asked cannot carry the answer; what is available, by media type and by `format=`. */
function notAcceptable<R extends Representation>(refusal: string, offers: readonly R[], options: ChooseOptions<R>): NotAcceptableError {
  const takesFormat = Object.hasOwn(options, 'format');
  const available = offers.map((r) => (takesFormat ? `${r.mediaType} (format=${r.name})` : r.mediaType)).join(', ');
  const alternative = takesFormat ? `; or ask with format=${offers.map((r) => r.name).join('|')}` : '';
  const seeAlso = options.seeAlso ? `; ${options.seeAlso}` : '';
  return new NotAcceptableError(`${refusal} ${options.what}; available: ${available}${alternative}${seeAlso}`);
}

/** Adds a field to `Vary` without dropping what another hook put there (CORS adds Origin). */
function addVary(reply: VaryingReply, field: string): void {
  const current = reply.getHeader('vary');
  const fields = (Array.isArray(current) ? current.join(',') : typeof current === 'string' ? current : '')
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  if (fields.includes('*') || fields.some((f) => f.toLowerCase() === field.toLowerCase())) return;
  reply.header('vary', [...fields, field].join(', '));
}
