// Types for rdf-parser-csvw (a CSV on the Web to RDF converter, used by the round-trip test), which ships none.
declare module 'rdf-parser-csvw' {
  import type { DataFactory, DatasetCore, Quad } from '@rdfjs/types';
  import type { Readable } from 'node:stream';

  export interface CsvwParserOptions {
    /** The table's CSVW metadata as RDF. */
    readonly metadata: DatasetCore;
    readonly baseIRI: string;
    readonly factory?: DataFactory;
    readonly timezone?: string;
  }

  export default class CsvwParser {
    constructor(options: CsvwParserOptions);
    /** A stream of CSV text in, a stream of quads out. */
    import(input: Readable): AsyncIterable<Quad> & Readable;
  }
}
