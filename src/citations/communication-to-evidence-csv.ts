// The draft's evidence table as CSV: one row per claim the draft rests on, with its sources, excerpts and a single-source mark.
import { csvField } from '../formats/csv-field.js';
import { formatFootnoteCitation } from './citation-formats.js';
import type { Communication, EvidenceRow } from './draft-communication.js';

export const evidenceColumns = ['claim_id', 'kind', 'footnotes', 'sentence', 'single_source', 'source_count', 'sources', 'source_iris', 'excerpts'] as const;

/** The cells of one row; several sources or excerpts share a cell, one per line, in the claim's order. */
export function evidenceCells(row: EvidenceRow): Record<(typeof evidenceColumns)[number], string> {
  return {
    claim_id: row.claim,
    kind: row.kind,
    footnotes: row.notes.join(' '),
    sentence: row.sentence,
    single_source: String(row.singleSource),
    source_count: String(row.sources.length),
    sources: row.sources.map((s) => formatFootnoteCitation([s])).join('\n'),
    source_iris: row.sources.map((s) => s.iri).join('\n'),
    excerpts: row.excerpts.join('\n'),
  };
}

export function communicationToEvidenceCsv(doc: Communication): string {
  const lines = [evidenceColumns.join(',')];
  for (const row of doc.evidence) {
    const cells = evidenceCells(row);
    lines.push(evidenceColumns.map((column) => csvField(cells[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
