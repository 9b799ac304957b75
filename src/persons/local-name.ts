// The last path segment or fragment of an IRI, for ids and CSV fields the persons routes derive from IRIs.

/** `gulmire-imin-arrest` for `…/id/event/gulmire-imin-arrest`, `date` for `http://purl.org/dc/terms/date`. */
export function localName(iri: string): string {
  return iri.slice(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
}
