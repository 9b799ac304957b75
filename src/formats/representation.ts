// What every answer format has, whatever renders it: the media type, the `format=` name and the suffix that choose it.
/** One form an answer can take. Each feature's registry extends it with what it needs to render. */
export interface Representation {
  /** The media type matched against Accept, without parameters. */
  readonly mediaType: string;
  /** Other media types clients send for the same form (`application/json` for SPARQL JSON), matched after every offer's own. */
  readonly aliases?: readonly string[];
  /** The value of `format=` that names it. */
  readonly name: string;
  /** The end of a path that names it (`.ttl`), on routes that have suffix URLs. */
  readonly suffix?: string;
}
