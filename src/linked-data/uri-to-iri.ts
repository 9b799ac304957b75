// RFC 3987 §3.1–3.2 between a request path (a URI) and the IRI the data writes, and back for HTTP headers.

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const unreserved = /^[A-Za-z0-9._~-]$/;
/** Bidirectional formatting characters stay escaped (RFC 3987 §3.2 says never to decode them). */
const bidiFormatting = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * Decodes the percent-escapes an IRI would write as characters (unreserved ASCII and non-ASCII letters in
 * valid UTF-8) and leaves every other escape as it is, hex in upper case: `/id/place/%E4%B9%8C` is
 * `/id/place/乌`, while `a%20b` stays `a%20b` (an IRI cannot hold a space either, so the data writes `%20`).
 */
export function uriToIri(uri: string): string {
  return uri.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = Buffer.from(run.replace(/%/g, ''), 'hex');
    let out = '';
    for (let i = 0; i < bytes.length;) {
      const first = bytes[i] as number;
      const length = first < 0x80 ? 1 : first >= 0xc2 && first <= 0xdf ? 2 : first >= 0xe0 && first <= 0xef ? 3 : first >= 0xf0 && first <= 0xf4 ? 4 : 0;
      const text = length > 0 && i + length <= bytes.length ? decode(bytes.subarray(i, i + length)) : undefined;
      if (text !== undefined && (length === 1 ? unreserved.test(text) : isIriCharacter(text))) {
        out += text;
        i += length;
      } else {
        out += `%${first.toString(16).toUpperCase().padStart(2, '0')}`;
        i += 1;
      }
    }
    return out;
  });
}

/** The URI form of an IRI, for HTTP headers (which carry ASCII only): each non-ASCII character as UTF-8 escapes. */
export function iriToUri(iri: string): string {
  // eslint-disable-next-line no-control-regex -- the class is 'not ASCII', which needs U+0000 as its lower bound
  return iri.replace(/[^\x00-\x7F]/gu, (c) => encodeURIComponent(c));
}

function decode(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** RFC 3987 ucschar, less the private-use and non-character ranges and the bidi formatting characters. */
function isIriCharacter(text: string): boolean {
  const code = text.codePointAt(0) ?? 0;
  if (code < 0xa0 || bidiFormatting.test(text)) return false;
  if (code >= 0xe000 && code <= 0xf8ff) return false;
  if (code >= 0xfdd0 && code <= 0xfdef) return false;
  if ((code & 0xfffe) === 0xfffe) return false;
  return true;
}
