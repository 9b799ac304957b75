// The citation routes' part of the OpenAPI document: operations, parameters and the JSON Schema of the claims answer.
import type { OpenApiFragment } from '../http/openapi-plugin.js';
import { personIdPattern } from '../vocabulary/person-iri.js';
import { citationFormats } from '../citations/index.js';
import { communicationFormats } from '../citations/index.js';

const tag = 'citations';
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: Record<string, unknown>) => ({ oneOf: [schema, { type: 'null' }] });

const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The last segment of the person IRI, e.g. gulmire-imin for {base}id/person/gulmire-imin',
  schema: { type: 'string', pattern: personIdPattern },
};
const notFound = { description: 'No such person (one-line message)', content: { 'text/plain': {} } };
const badFormat = { description: 'Unknown or repeated format (one-line message naming the parameter and the allowed values)', content: { 'text/plain': {} } };

const refSchema = { type: 'object', required: ['iri', 'label'], properties: { iri: { type: 'string' }, label: nullable({ type: 'string' }) } };
const dateSchema = {
  type: 'object',
  required: ['value', 'precision'],
  properties: { value: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }, precision: { enum: ['day', 'month', 'year'] } },
};
const claimBase = {
  id: { type: 'string', description: 'Stable within a dataset version: identity/name, charge/splittism, event/…' },
  kind: { enum: ['identity', 'charge', 'sentence', 'placeOfDetention', 'punishment', 'event', 'unFinding', 'award', 'campaign'] },
  subject: { type: 'string', description: 'IRI of the node that carries the claim' },
  sources: { type: 'array', items: ref('CitedSource') },
  excerpts: { type: 'array', items: { type: 'string' }, description: 'Verbatim quotes from the sources' },
  singleSource: { type: 'boolean', description: 'True when exactly one source supports the claim' },
};
const claimRequired = ['id', 'kind', 'subject', 'sources', 'excerpts', 'singleSource'];

const schemas = {
  CitedSource: {
    type: 'object',
    description: 'A source as a citation needs it; what the source does not state is null, never filled in.',
    required: ['iri', 'title', 'label', 'publisher', 'date', 'url', 'partOf', 'position', 'supportsClaims'],
    properties: {
      iri: { type: 'string' },
      title: nullable({ type: 'string' }),
      label: nullable({ type: 'string' }),
      publisher: nullable({ type: 'string' }),
      date: nullable(dateSchema),
      url: nullable({ type: 'string' }),
      partOf: nullable({ type: 'string' }),
      position: nullable({ type: 'integer' }),
      supportsClaims: { type: 'boolean' },
    },
  },
  Claim: {
    type: 'object',
    description: 'One claim; the members after the common ones depend on kind (see the README, "Citations and UN communications").',
    required: claimRequired,
    properties: {
      ...claimBase,
      field: { enum: ['name', 'gender', 'statedAge', 'ethnicity'] },
      value: { type: ['string', 'integer'] },
      charge: refSchema,
      sentenceType: refSchema,
      place: nullable(refSchema),
      within: nullable({ type: 'string' }),
      punishedBy: { type: 'array', items: refSchema, description: 'punishment: who the source says punished the person (its words, not the sentencing body)' },
      reason: nullable({ type: 'string', description: 'punishment: what the source says the person was punished for; an event: why it happened' }),
      scope: { enum: ['case', 'context'] },
      eventType: { type: 'string' },
      typeLabel: { type: 'string' },
      label: nullable({ type: 'string' }),
      date: nullable(dateSchema),
      agents: { type: 'array', items: refSchema },
      provisionsViolated: {
        type: 'array',
        items: { type: 'object', required: ['iri', 'label', 'notation', 'instrument'], properties: { ...refSchema.properties, notation: nullable({ type: 'string' }), instrument: nullable({ type: 'string' }) } },
      },
      findings: { type: 'array', items: refSchema },
    },
  },
  PersonClaims: {
    type: 'object',
    required: ['person', 'datasetVersion', 'claims', 'sources'],
    properties: {
      person: { type: 'object', required: ['id', 'iri', 'name'], properties: { id: { type: 'string' }, iri: { type: 'string' }, name: nullable({ type: 'string' }) } },
      datasetVersion: { type: 'string' },
      claims: { type: 'array', items: ref('Claim') },
      sources: { type: 'array', items: ref('CitedSource') },
    },
  },
};

export const citationsOpenApi: OpenApiFragment = {
  tags: [{ name: tag, description: 'For UN submission drafters: each claim about a person with its sources, the sources in citation formats, and a draft communication to the Working Group on Arbitrary Detention.' }],
  schemas,
  paths: {
    '/api/persons/{id}/claims': {
      get: {
        tags: [tag],
        summary: 'Every claim about the person, each with its sources, verbatim excerpts and a single-source mark',
        parameters: [idParameter],
        responses: { '200': { description: 'The claims', content: { 'application/json': { schema: ref('PersonClaims') } } }, '404': notFound },
      },
    },
    '/api/persons/{id}/citations': {
      get: {
        tags: [tag],
        summary: "The person's sources in a citation format",
        description: citationFormats.map((f) => `${f.name}: ${f.description} (${f.mediaType.split(';')[0]})`).join('; '),
        parameters: [
          idParameter,
          { name: 'format', in: 'query', required: false, schema: { enum: citationFormats.map((f) => f.name), default: 'csl-json' } },
        ],
        responses: {
          '200': { description: 'The citations', content: Object.fromEntries(citationFormats.map((f) => [f.mediaType.split(';')[0], {}])) },
          '400': badFormat,
          '404': notFound,
        },
      },
    },
    '/api/persons/{id}/communication': {
      get: {
        tags: [tag],
        summary: 'A draft communication to the WGAD, every sentence footnoted; by Accept, or format= (which wins)',
        parameters: [idParameter, { name: 'format', in: 'query', required: false, schema: { enum: communicationFormats.map((f) => f.name) } }],
        responses: {
          '200': { description: 'The draft', content: Object.fromEntries(communicationFormats.map((f) => [f.mediaType, {}])) },
          '400': badFormat,
          '404': notFound,
          '406': { description: 'Accept allows none of the forms', content: { 'text/plain': {} } },
        },
      },
    },
    ...Object.fromEntries(
      communicationFormats.map((f) => [
        `/api/persons/{id}/communication.${f.suffix}`,
        {
          get: {
            tags: [tag],
            summary: `The draft communication as ${f.name}, for links that cannot set Accept`,
            parameters: [idParameter],
            responses: { '200': { description: 'The draft', content: { [f.mediaType]: {} } }, '404': notFound },
          },
        },
      ]),
    ),
  },
};
