// JSON Schemas (2020-12, for OpenAPI 3.1) of the person documents, generated from the same shapes as their frames.
import { alwaysPresent, documentShapes, personShape, personSummaryShape, type KeySpec, type NodeShape } from './document-shapes.js';

export type JsonSchema = Readonly<Record<string, unknown>>;

// `Name#` names a shared schema (app.addSchema, $id Name); the OpenAPI document shows it as #/components/schemas/Name.
const ref = (name: string): JsonSchema => ({ $ref: `${name}#` });
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

/** A value object: a literal whose language or datatype differs from what its key implies. */
const valueObject: JsonSchema = {
  type: 'object',
  required: ['@value'],
  properties: { '@value': { type: 'string' }, '@language': { type: 'string' }, type: { type: 'string' } },
  additionalProperties: false,
};

function keySchema(spec: KeySpec): JsonSchema {
  switch (spec.kind) {
    case 'ref':
      return { ...nullable(ref('Ref')), description: spec.description };
    case 'refs':
      return { type: 'array', items: ref('Ref'), description: spec.description };
    case 'links':
      return { type: 'array', items: ref('Link'), description: spec.description };
    case 'text':
      return { ...(alwaysPresent(spec) ? nullable(ref('Text')) : ref('Text')), description: spec.description };
    case 'texts':
      return { type: 'array', items: ref('Text'), description: spec.description };
    case 'date':
      return { ...nullable(ref('Date')), description: spec.description };
    // A non-canonical lexical form ("1"^^xsd:boolean, "032"^^xsd:integer) stays a typed value object, so the
    // document says exactly what the data says.
    case 'boolean':
      return { anyOf: [{ type: ['boolean', 'null'] }, valueObject], description: spec.description };
    case 'integer':
      return { anyOf: [{ type: ['integer', 'null'] }, valueObject], description: spec.description };
    case 'nodes':
      return { type: 'array', items: ref((spec.nested as () => NodeShape)().name), description: spec.description };
  }
}

function nodeSchema(shape: NodeShape, extra: Record<string, JsonSchema> = {}): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    ...extra,
    id: { type: 'string', pattern: '^[a-z][a-z0-9+.-]*:', description: 'The IRI of the resource; it dereferences.' },
    type: { type: 'array', items: { type: 'string' }, description: 'Its classes, as context terms (e.g. "Arrest") or compact IRIs.' },
  };
  const required = Object.keys(properties);
  for (const spec of shape.keys) {
    properties[spec.key] = keySchema(spec);
    if (alwaysPresent(spec)) required.push(spec.key);
  }
  return { type: 'object', required, properties, additionalProperties: false };
}

/** Shared schemas, each with its $id: the person document, its nested parts and the list of persons. */
export function documentSchemas(): JsonSchema[] {
  const schemas: Record<string, JsonSchema> = {
    Ref: {
      type: 'object',
      description:
        'A linked resource: its IRI, its classes (absent when the graph states none) and its stated rdfs:label (null when none is stated). ' +
        'A reference back to the document’s own person is its IRI only: framing never embeds a node inside itself.',
      required: ['id'],
      properties: {
        id: { type: 'string', pattern: '^[a-z][a-z0-9+.-]*:' },
        type: { type: 'array', items: { type: 'string' } },
        label: nullable(ref('Text')),
      },
      additionalProperties: false,
    },
    Link: {
      type: 'object',
      description: 'A linked resource by its IRI only; it dereferences.',
      required: ['id'],
      properties: { id: { type: 'string', pattern: '^[a-z][a-z0-9+.-]*:' } },
      additionalProperties: false,
    },
    Text: {
      description: 'A string, or a value object when its language or datatype differs from what the key implies.',
      anyOf: [{ type: 'string' }, valueObject],
    },
    Date: {
      type: 'object',
      description: 'A date at the precision the source gives.',
      required: ['@value', 'type'],
      properties: {
        '@value': { type: 'string', pattern: '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$' },
        type: { enum: ['xsd:date', 'xsd:gYearMonth', 'xsd:gYear'] },
      },
      additionalProperties: false,
    },
    PersonDocument: nodeSchema(personShape, { '@context': { type: 'string', description: 'The URL of the published context, /context.jsonld.' } }),
    PersonList: {
      type: 'object',
      required: ['@context', '@graph'],
      properties: { '@context': { type: 'string' }, '@graph': { type: 'array', items: ref(personSummaryShape.name) } },
      additionalProperties: false,
    },
  };
  for (const shape of documentShapes) if (shape !== personShape) schemas[shape.name] = nodeSchema(shape);
  return Object.entries(schemas).map(([name, schema]) => ({ $id: name, ...schema }));
}
