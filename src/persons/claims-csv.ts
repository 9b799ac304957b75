// A person's claims as one tidy CSV: one row per claim, source and excerpt, one value per cell, IRIs beside their labels.
import { csvField } from '../formats/csv-field.js';
import { localName } from '../vocabulary/local-name.js';
import type { Claim, DateValue, PersonClaims, Ref } from '../citations/index.js';

export const claimsCsvColumns = [
  'claim_id',
  'kind',
  'field',
  'value',
  'value_iri',
  'value_label',
  'date',
  'date_precision',
  'subject_iri',
  'single_source',
  'source_iri',
  'source_title',
  'source_publisher',
  'source_date',
  'source_url',
  'excerpt',
  'statement',
  'locator',
] as const;

type Row = Partial<Record<(typeof claimsCsvColumns)[number], string>>;

const ref = (value: Ref | null | undefined): Row => (value ? { value_iri: value.iri, value_label: value.label ?? '' } : {});
const date = (value: DateValue | null | undefined): Row => (value ? { date: value.value, date_precision: value.precision } : {});

/** What the claim states, in the value columns: a literal in `value`, a resource in `value_iri` and `value_label`. */
function stated(claim: Claim): Row {
  switch (claim.kind) {
    case 'identity':
      return { field: claim.field, value: String(claim.value) };
    case 'charge':
      return ref(claim.charge);
    case 'sentence':
      return ref(claim.sentenceType);
    case 'placeOfDetention':
      return ref(claim.place);
    case 'punishment':
      return { value: claim.reason ?? '' };
    default:
      return { value_iri: claim.subject, value_label: claim.label ?? claim.typeLabel, field: claim.typeLabel, ...date(claim.date) };
  }
}

/**
 * Many sources or excerpts make several rows of one claim (same claim_id), never several values in one cell; a
 * claim with no excerpt still has its rows, with `excerpt` empty. Cells go through csvField like every CSV here.
 */
export function claimsCsv(claims: PersonClaims): string {
  const lines = [claimsCsvColumns.join(',')];
  for (const claim of claims.claims) {
    const base: Row = { claim_id: claim.id, kind: claim.kind, subject_iri: claim.subject, single_source: String(claim.singleSource), ...stated(claim) };
    const sources = claim.sources.length > 0 ? claim.sources : [undefined];
    const excerpts = claim.excerpts.length > 0 ? claim.excerpts : [''];
    for (const source of sources) {
      for (const excerpt of excerpts) {
        const row: Row = {
          ...base,
          ...(source
            ? {
                source_iri: source.iri,
                source_title: source.title ?? source.label ?? '',
                source_publisher: source.publisher ?? '',
                source_date: source.date?.value ?? '',
                source_url: source.url ?? '',
              }
            : {}),
          excerpt,
        };
        lines.push(claimsCsvColumns.map((column) => csvField(row[column] ?? '')).join(','));
      }
    }
  }
  // Each version of a disputed statement: kind `disputed`, one row per source, the claim's wording and the
  // source's locator beside it, so a sheet filtered on one subject and field shows every version side by side.
  for (const disagreement of claims.disagreements) {
    for (const version of disagreement.versions) {
      const base: Row = {
        claim_id: `disputed/${localName(version.claim)}`,
        kind: 'disputed',
        field: localName(disagreement.property),
        ...(version.valueIsIri ? { value_iri: version.value, value_label: version.valueLabel ?? '' } : { value: version.value }),
        subject_iri: disagreement.subject,
        single_source: String(version.sources.length === 1),
        statement: version.statement ?? '',
      };
      for (const source of version.sources) {
        const row: Row = {
          ...base,
          source_iri: source.iri,
          source_title: source.title ?? source.label ?? '',
          source_publisher: source.publisher ?? '',
          source_date: source.date?.value ?? '',
          source_url: source.url ?? '',
          locator: version.locators.find((l) => l.source === source.iri)?.locator ?? '',
        };
        lines.push(claimsCsvColumns.map((column) => csvField(row[column] ?? '')).join(','));
      }
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
