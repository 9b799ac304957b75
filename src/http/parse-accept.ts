// Reads an Accept header (RFC 9110 §12.5.1): media ranges with their q-values, and the q one media type gets.

export interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
  /** Media-type parameters other than q, which make a range more specific. */
  readonly parameters: number;
}

/**
 * Parses an Accept header; missing or empty means anything. Entries that do not parse are ignored, and a
 * malformed q reads as 1. (The `negotiator` package does neither: it drops such a range, takes an empty
 * header as accepting nothing, and breaks ties by the client's order rather than the server's.)
 */
export function parseAccept(header: string | undefined): MediaRange[] {
  if (header === undefined || header.trim() === '') return [{ type: '*', subtype: '*', q: 1, parameters: 0 }];
  const ranges: MediaRange[] = [];
  for (const part of header.split(',')) {
    const [range = '', ...params] = part.split(';').map((s) => s.trim());
    const match = /^([\w.+*-]+)\/([\w.+*-]+)$/.exec(range.toLowerCase());
    if (!match) continue;
    let q = 1;
    let parameters = 0;
    for (const param of params) {
      const [name = '', value = ''] = param.split('=').map((s) => s.trim());
      if (name.toLowerCase() === 'q') {
        const parsed = Number(value);
        q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value) && Number.isFinite(parsed) ? parsed : 1;
      } else if (name) {
        parameters += 1;
      }
    }
    const [, type = '', subtype = ''] = match;
    ranges.push({ type, subtype, q, parameters });
  }
  return ranges;
}

/** The q a client gives one media type: that of the most specific range matching it, 0 when none does. */
export function qualityOf(mediaType: string, ranges: readonly MediaRange[]): number {
  const [type, subtype] = mediaType.toLowerCase().split('/');
  let best: { specificity: number; q: number } | undefined;
  for (const range of ranges) {
    let specificity: number;
    if (range.type === type && range.subtype === subtype) specificity = 3 + range.parameters;
    else if (range.type === type && range.subtype === '*') specificity = 2;
    else if (range.type === '*' && range.subtype === '*') specificity = 1;
    else continue;
    if (!best || specificity > best.specificity) best = { specificity, q: range.q };
  }
  return best?.q ?? 0;
}
