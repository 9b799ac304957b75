// The last path segment or fragment of an IRI: ids and CSV fields derived from IRIs, and names in reports.

/** `gulmire-imin-arrest` for `…/id/event/gulmire-imin-arrest`, `date` for `http://purl.org/dc/terms/date`. */
export function localName(iri: string): string {
  return iri.slice(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
}
