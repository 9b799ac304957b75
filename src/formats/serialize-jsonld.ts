// CONSTRUCT/DESCRIBE answers as compacted JSON-LD, with an inline context and a loader that never fetches.
import jsonld from 'jsonld';
import type { QueryResult } from '../store/graph-store.js';
import { offlineDocumentLoader } from './offline-document-loader.js';
import { serializeRdf } from './serialize-rdf.js';
import type { SerializeContext } from './result-formats.js';

export async function serializeJsonLd(result: QueryResult, context: SerializeContext): Promise<string> {
  if (result.kind !== 'quads') throw new TypeError('JSON-LD serialises CONSTRUCT and DESCRIBE results only');
  const nquads = await serializeRdf(result, context, 'N-Quads');
  const documentLoader = offlineDocumentLoader();
  const expanded = await jsonld.fromRDF(nquads, { format: 'application/n-quads' });
  const compacted = await jsonld.compact(expanded, { ...context.prefixes }, { documentLoader } as jsonld.Options.Compact);
  return JSON.stringify(compacted, null, 2);
}
