// Tells a client's mistake from the engine's failure among what Comunica throws, so a mistake answers 4xx, not 500.
import { BadRequestError, CasegraphError, ContentTooLargeError } from '../errors/casegraph-error.js';

/** Comunica's words when no actor implements a function IRI: an unknown extension function or a misspelt cast. */
const unknownFunction = /^Creation of function evaluator failed: no configured actor was able to evaluate function (\S+)/;

/**
 * Our own errors pass through. Comunica has no error types for these, so its messages are matched; an unmatched
 * error stays the engine's (500), which is the safe side: a new Comunica wording shows up as a 500, never hides one.
 */
export function classifyEngineError(error: unknown): unknown {
  if (error instanceof CasegraphError || !(error instanceof Error)) return error;
  const unknown = unknownFunction.exec(error.message);
  if (unknown) {
    return new BadRequestError(
      `unknown function <${unknown[1]}>: the endpoint evaluates the SPARQL 1.1 built-in functions and XSD casts (xsd:integer, xsd:dateTime, …) only`,
    );
  }
  // V8's own limit on one string (about 512 MiB): only a query that builds a huge value (e.g. CONCAT doubling) reaches it.
  if (error instanceof RangeError && error.message === 'Invalid string length') {
    return new ContentTooLargeError('the query builds a string longer than the engine can hold; build smaller values');
  }
  return error;
}
