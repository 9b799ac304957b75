// Test helper: reads RDF/XML with an independent parser (rdfxml-streaming-parser), to check what we write.
import { Readable } from 'node:stream';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import type { Quad } from '@rdfjs/types';

export function parseRdfXml(xml: string, baseIRI?: string): Promise<Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: Quad[] = [];
    Readable.from([xml])
      .pipe(new RdfXmlParser(baseIRI ? { baseIRI } : {}))
      .on('data', (q: Quad) => quads.push(q))
      .on('error', reject)
      .on('end', () => resolve(quads));
  });
}
