// The formats a person's sources can be cited in, each rendered by Citation.js (CSL-JSON, BibTeX, RIS, APA, UN footnotes).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import core from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { Representation } from '../http/choose-representation.js';
import type { SourceSummary } from './person-claims.js';
import { cslToBiblatex } from './csl-to-biblatex.js';
import { sourceSlug, sourceToCsl } from './source-to-csl.js';

const { Cite, plugins } = core;

/** Citation.js keeps styles in a process-wide registry; adding ours is idempotent and happens once, at import. */
export const unFootnoteTemplate = 'un-footnote';
const templates = plugins.config.get('@csl').templates;
if (!templates.has(unFootnoteTemplate)) {
  templates.add(unFootnoteTemplate, readFileSync(new URL('./styles/un-footnote.csl', import.meta.url), 'utf8'));
}

export interface CitationFormat extends Representation {
  /** The value of `format=` and `--format`. */
  readonly name: string;
  /** The Content-Type header sent. */
  readonly contentType: string;
  readonly description: string;
  render(sources: readonly SourceSummary[]): string;
}

const utf8 = '; charset=utf-8';

function cite(sources: readonly SourceSummary[]): InstanceType<typeof Cite> {
  return new Cite(sources.map(sourceToCsl));
}

/**
 * For the UN style: a part whose title already begins with the work it is part of ("The July 5 Riot from Start
 * Part 1" of "The July 5 Riot from Start") is cited without that work, which would only repeat its title.
 */
function citeForUnStyle(sources: readonly SourceSummary[]): InstanceType<typeof Cite> {
  return new Cite(
    sources.map((source) => {
      const { 'container-title': container, ...rest } = sourceToCsl(source);
      const repeats = typeof container === 'string' && typeof rest.title === 'string' && rest.title.startsWith(container);
      return repeats || container === undefined ? rest : { ...rest, 'container-title': container };
    }),
  );
}

/**
 * For APA: a source dated to the month or day is cited as APA 7 cites a dated web page, "(2014, August 12)"; as a
 * CSL `document` the APA style would print the year alone. An undated or year-only source keeps `document`.
 */
function citeForApa(sources: readonly SourceSummary[]): InstanceType<typeof Cite> {
  return new Cite(sources.map((s) => (s.date !== null && s.date.precision !== 'year' ? { ...sourceToCsl(s), type: 'webpage' } : sourceToCsl(s))));
}

const citeFor = (template: string) => (template === unFootnoteTemplate ? citeForUnStyle : template === 'apa' ? citeForApa : cite);

/** RIS dates are `YYYY/MM/DD/`, month and day in two digits; Citation.js writes `2014/8/12/`. */
function padRisDates(ris: string): string {
  return ris.replace(/^DA {2}- (\d{4})\/(\d{0,2})\/(\d{0,2})\//gm, (_m, y: string, m: string, d: string) => `DA  - ${y}/${pad2(m)}/${pad2(d)}/`);
}

function pad2(part: string): string {
  return part === '' ? '' : part.padStart(2, '0');
}

function bibliography(template: string, format: 'text' | 'html') {
  return (sources: readonly SourceSummary[]): string => {
    const body = citeFor(template)(sources).format('bibliography', { format, template, lang: 'en-US' });
    if (format === 'text') return body.endsWith('\n') ? body : `${body}\n`;
    return `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Sources</title></head>\n<body>\n${body.trim()}\n</body>\n</html>\n`;
  };
}

export const citationFormats: readonly CitationFormat[] = [
  {
    name: 'csl-json',
    mediaType: 'application/vnd.citationstyles.csl+json',
    contentType: `application/vnd.citationstyles.csl+json${utf8}`,
    description: 'CSL-JSON, for Zotero, Mendeley and any CSL processor',
    render: (sources) => `${JSON.stringify(sources.map(sourceToCsl), null, 2)}\n`,
  },
  {
    name: 'bibtex',
    mediaType: 'application/x-bibtex',
    contentType: `application/x-bibtex${utf8}`,
    description: 'biblatex (@misc with date, organization, howpublished, url, note), in a .bib file',
    render: (sources) => cslToBiblatex(sources.map(sourceToCsl)),
  },
  {
    name: 'ris',
    mediaType: 'application/x-research-info-systems',
    contentType: `application/x-research-info-systems${utf8}`,
    description: 'RIS',
    // RIS cuts ID at 20 characters, which would merge the parts of one programme: a short hash keeps IDs apart.
    render: (sources) => `${padRisDates(new Cite(sources.map((s) => ({ ...sourceToCsl(s), id: risId(s) }))).format('ris', { format: 'text' })).trimEnd()}\n`,
  },
  {
    name: 'apa',
    mediaType: 'text/plain',
    contentType: `text/plain${utf8}`,
    description: 'APA 7th edition reference list, plain text',
    render: bibliography('apa', 'text'),
  },
  {
    name: 'apa-html',
    mediaType: 'text/html',
    contentType: `text/html${utf8}`,
    description: 'APA 7th edition reference list, HTML',
    render: bibliography('apa', 'html'),
  },
  {
    name: 'un-footnote',
    mediaType: 'text/plain',
    contentType: `text/plain${utf8}`,
    description: 'UN footnote style (UN documents’ manner), plain text',
    render: bibliography(unFootnoteTemplate, 'text'),
  },
  {
    name: 'un-footnote-html',
    mediaType: 'text/html',
    contentType: `text/html${utf8}`,
    description: 'UN footnote style (UN documents’ manner), HTML',
    render: bibliography(unFootnoteTemplate, 'html'),
  },
];

function risId(source: SourceSummary): string {
  return `cg-${createHash('sha256').update(sourceSlug(source.iri)).digest('hex').slice(0, 12)}`;
}

export const citationFormatNames: readonly string[] = citationFormats.map((f) => f.name);

export function findCitationFormat(name: string): CitationFormat | undefined {
  return citationFormats.find((f) => f.name === name);
}

/** One source as a footnote (the style's citation form, not its bibliography entry). */
export function formatFootnoteCitation(sources: readonly SourceSummary[]): string {
  if (sources.length === 0) return '';
  const c = citeForUnStyle(sources);
  return c.format('citation', { format: 'text', template: unFootnoteTemplate, lang: 'en-US', entry: sources.map((s) => sourceSlug(s.iri)) }).trim();
}
