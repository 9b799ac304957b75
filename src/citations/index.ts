// The public face of citation formatting: claims in, citations and the draft communication out (no routes, no store).
export { citationFormats, citationFormatNames, findCitationFormat } from './citation-formats.js';
export { communicationFormats, findCommunicationFormat, type CommunicationFormat } from './communication-formats.js';
export { blank, draftCommunication, submissionFields, type SubmissionDetails } from './draft-communication.js';
export type * from './person-claims.js';
