// The dataset version: a content hash over the base IRI and every loaded file, stable across machines.
import { createHash } from 'node:crypto';

export interface VersionInput {
  readonly file: string;
  readonly content: string;
}

/** First 16 hex digits of SHA-256 over base IRI, file paths and contents, in path order. */
export function datasetVersion(baseIri: string, files: readonly VersionInput[]): string {
  const hash = createHash('sha256');
  hash.update(`base\0${baseIri}\0`);
  for (const { file, content } of [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    hash.update(`file\0${file}\0${content.length}\0${content}\0`);
  }
  return hash.digest('hex').slice(0, 16);
}
