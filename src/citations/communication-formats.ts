// The forms of the draft communication: Markdown, HTML and Word, each by Accept, by format= and by suffix.
import type { Representation } from '../http/choose-representation.js';
import { communicationToDocx } from './communication-to-docx.js';
import { communicationToEvidenceCsv } from './communication-to-evidence-csv.js';
import { communicationToHtml } from './communication-to-html.js';
import { communicationToMarkdown } from './communication-to-markdown.js';
import type { Communication } from './draft-communication.js';

export interface CommunicationFormat extends Representation {
  /** The value of `format=`. */
  readonly name: string;
  /** The suffix form: `/api/persons/{id}/communication{suffix}`. */
  readonly suffix: string;
  /** The bare media type, as Accept names it. */
  readonly mediaType: string;
  /** The Content-Type header sent. */
  readonly contentType: string;
  /** Sent with Content-Disposition: attachment, so browsers save it under a useful name. */
  readonly download: boolean;
  render(doc: Communication): Promise<string | Buffer>;
}

/** In the server's order of preference: a browser asking for anything gets the HTML page. */
export const communicationFormats: readonly CommunicationFormat[] = [
  {
    name: 'html',
    suffix: '.html',
    mediaType: 'text/html',
    contentType: 'text/html; charset=utf-8',
    download: false,
    render: async (doc) => communicationToHtml(doc),
  },
  {
    name: 'markdown',
    suffix: '.md',
    mediaType: 'text/markdown',
    contentType: 'text/markdown; charset=utf-8',
    download: false,
    render: async (doc) => communicationToMarkdown(doc),
  },
  {
    name: 'docx',
    suffix: '.docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    download: true,
    render: communicationToDocx,
  },
  {
    // The draft's evidence table: the claims it rests on, not the draft itself, so last in preference.
    name: 'csv',
    suffix: '.csv',
    mediaType: 'text/csv',
    contentType: 'text/csv; charset=utf-8; header=present',
    download: true,
    render: async (doc) => communicationToEvidenceCsv(doc),
  },
];

export function findCommunicationFormat(name: string): CommunicationFormat | undefined {
  return communicationFormats.find((f) => f.name === name);
}
