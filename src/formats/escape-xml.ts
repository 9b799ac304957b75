// XML 1.0 escaping for element text and attribute values, refusing what XML 1.0 cannot carry at all.
import { NotAcceptableError } from '../errors/casegraph-error.js';

/** C0 controls other than tab, newline and carriage return, lone surrogates, U+FFFE and U+FFFF. */
// eslint-disable-next-line no-control-regex -- matching the control characters XML 1.0 cannot carry is the point
const notInXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u;

/**
 * Escapes markup characters, and tab, newline and carriage return as references so that parsers keep them
 * (attribute normalisation and line-end handling would rewrite them). A character no XML 1.0 document may
 * hold, even as a reference, is a 406: the answer exists but not in this format, and no broken XML goes out.
 */
export function escapeXml(text: string, format: string): string {
  const bad = notInXml.exec(text);
  if (bad) {
    const code = (bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    throw new NotAcceptableError(`the answer holds the character U+${code}, which ${format} (XML 1.0) cannot carry: ask for another format`);
  }
  return text.replace(/[&<>"'\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}
