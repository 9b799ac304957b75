// The JSON Schema of the claims answer (PersonClaims, Claim, CitedSource), shared with app.addSchema for the OpenAPI document.

// `Name#` names a shared schema; the OpenAPI document shows it as #/components/schemas/Name.
const ref = (name: string) => ({ $ref: `${name}#` });
const nullable = (schema: Record<string, unknown>) => ({ oneOf: [schema, { type: 'null' }] });

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

const schemas: Record<string, Record<string, unknown>> = {
  CitedSource: {
    type: 'object',
    description: 'A source as a citation needs it; what the source does not state is null, never filled in.',
    required: ['iri', 'title', 'label', 'publisher', 'identifier', 'date', 'url', 'partOf', 'position', 'supportsClaims'],
    properties: {
      iri: { type: 'string' },
      title: nullable({ type: 'string' }),
      label: nullable({ type: 'string' }),
      publisher: nullable({ type: 'string' }),
      identifier: nullable({ type: 'string', description: "The source's own identifier, such as a UN document symbol (dct:identifier)" }),
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
        items: {
          type: 'object',
          required: ['iri', 'label', 'notation', 'instrument'],
          properties: { ...refSchema.properties, notation: nullable({ type: 'string' }), instrument: nullable({ type: 'string' }) },
        },
      },
      findings: { type: 'array', items: refSchema },
    },
  },
  Disagreement: {
    type: 'object',
    description: 'A property on which sources give different values: every version, each with its own sources and locators.',
    required: ['subject', 'subjectLabel', 'property', 'versions'],
    properties: {
      subject: { type: 'string' },
      subjectLabel: nullable({ type: 'string' }),
      property: { type: 'string' },
      versions: {
        type: 'array',
        items: {
          type: 'object',
          required: ['claim', 'statement', 'value', 'valueIsIri', 'valueLabel', 'sources', 'locators'],
          properties: {
            claim: { type: 'string' },
            statement: nullable({ type: 'string' }),
            value: { type: 'string' },
            valueIsIri: { type: 'boolean' },
            valueLabel: nullable({ type: 'string' }),
            sources: { type: 'array', items: ref('CitedSource') },
            locators: {
              type: 'array',
              items: { type: 'object', required: ['source', 'locator'], properties: { source: { type: 'string' }, locator: { type: 'string' } } },
            },
          },
        },
      },
    },
  },
  PersonClaims: {
    type: 'object',
    required: ['person', 'datasetVersion', 'claims', 'disagreements', 'sources'],
    properties: {
      person: {
        type: 'object',
        required: ['id', 'iri', 'name'],
        properties: { id: { type: 'string' }, iri: { type: 'string' }, name: nullable({ type: 'string' }) },
      },
      datasetVersion: { type: 'string' },
      claims: { type: 'array', items: ref('Claim') },
      disagreements: { type: 'array', items: ref('Disagreement') },
      sources: { type: 'array', items: ref('CitedSource') },
    },
  },
};

/** Each with its $id, for app.addSchema. */
export const personClaimsSchemas = Object.entries(schemas).map(([name, schema]) => ({ $id: name, ...schema }));
