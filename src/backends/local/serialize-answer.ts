// Writes a query's answer in its chosen format inside the query worker, refusing one past the byte cap before and after writing it.
import { ContentTooLargeError } from '../../errors/casegraph-error.js';
import { decodeResult } from '../../engine/decode-result.js';
import type { EncodedResult } from '../../engine/query-runner.js';
import type { EncodedTerm } from '../../engine/term-codec.js';
import { findResultFormat } from '../../formats/result-formats.js';
import type { AnswerRequest, SerializedAnswer } from '../../store/graph-store.js';

/**
 * Every format writes each literal's text in full at least once (escaping only lengthens it), and a UTF-8 byte is
 * never fewer than a UTF-16 code unit: so when the literals alone pass the cap, the answer would too, and it is
 * refused before a byte is written (a 128 MB literal never becomes a 128 MB document).
 */
export async function serializeAnswer(result: EncodedResult, request: AnswerRequest): Promise<SerializedAnswer> {
  const name = request.formats[result.kind];
  const truncated = result.kind === 'boolean' ? false : result.truncated;
  if (name === undefined) return { kind: result.kind, format: undefined, body: new Uint8Array(0), truncated };
  const format = findResultFormat(name);
  if (!format) throw new TypeError(`no result format is named ${name}`);
  if (literalLength(result) > request.maxBytes) throw tooLarge(request.maxBytes);
  const text = await format.serialize(decodeResult(result), request.context);
  // Not Buffer.from: a small Buffer is a view of a shared slab, and the worker transfers (detaches) the body's memory.
  const body = new TextEncoder().encode(text);
  if (body.byteLength > request.maxBytes) throw tooLarge(request.maxBytes);
  return { kind: result.kind, format: name, body, truncated };
}

function tooLarge(maxBytes: number): ContentTooLargeError {
  return ContentTooLargeError.answerOver(maxBytes, 'ask for fewer rows or shorter values');
}

/** The UTF-16 length of every literal in the answer. */
function literalLength(result: EncodedResult): number {
  let total = 0;
  if (result.kind === 'bindings') for (const row of result.rows) for (const term of Object.values(row)) total += termLiteralLength(term);
  if (result.kind === 'quads') for (const quad of result.quads) total += termLiteralLength(quad);
  return total;
}

function termLiteralLength(term: EncodedTerm): number {
  if (term[0] === 'l') return term[1].length;
  if (term[0] === 'q') return termLiteralLength(term[1]) + termLiteralLength(term[2]) + termLiteralLength(term[3]);
  return 0;
}
