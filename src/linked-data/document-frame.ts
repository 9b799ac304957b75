// The published JSON-LD frames (/frames/person.jsonld, /frames/persons.jsonld), generated from the document shapes.
import { relativeNamespaces } from '../vocabulary/namespaces.js';
import { contextUrl } from './linked-data-context.js';
import { alwaysPresent, type KeySpec, type NodeShape } from './document-shapes.js';

export type JsonLdFrame = Readonly<Record<string, unknown>>;

/**
 * Framing flags that make the shape stable:
 * - `@explicit`: only the shape's keys, whatever else the graph says of a node;
 * - `@default: []` on lists, null otherwise: keys are present, null or [] when unstated (except where
 *   `alwaysPresent` says why not: those get `@omitDefault`);
 * - `@embed: @always`: a resource met twice (the same source under every claim) is embedded each time, not
 *   only the first time, which would leave later mentions as bare `{id}`;
 * - `@id: {}` on references: match any resource, including ones the graph says nothing of (schema:Female);
 * - `@embed: @never` on links: the person's own IRI inside its events could not be embedded anyway (framing
 *   cuts circular references to `{id}`), so every person link is `{id}`.
 */
export function shapeFrame(shape: NodeShape, baseIri: string): Record<string, unknown> {
  const frame: Record<string, unknown> = { '@explicit': true };
  if (shape.matchClass) frame['@type'] = shape.classIri(baseIri);
  else frame['@id'] = {};
  for (const spec of shape.keys) {
    const entry = keyFrame(spec, baseIri);
    frame[spec.key] = alwaysPresent(spec) ? entry : { ...withoutDefault(entry), '@omitDefault': true };
  }
  return frame;
}

function withoutDefault(entry: Record<string, unknown>): Record<string, unknown> {
  const { '@default': _unused, ...rest } = entry;
  return rest;
}

const refFrame = { '@embed': '@always', '@explicit': true, '@id': {}, label: {} };

function keyFrame(spec: KeySpec, baseIri: string): Record<string, unknown> {
  switch (spec.kind) {
    case 'ref':
      return refFrame;
    case 'refs':
      return { ...refFrame, '@default': [] };
    case 'links':
      return { '@embed': '@never', '@default': [] };
    case 'texts':
      return { '@default': [] };
    case 'text':
    case 'date':
    case 'boolean':
    case 'integer':
      return {};
    case 'nodes':
      return { ...shapeFrame((spec.nested as () => NodeShape)(), baseIri), '@embed': '@always', '@default': [] };
  }
}

/** A whole published frame: the shape's frame with the published context, by URL. */
export function documentFrame(shape: NodeShape, baseIri: string): JsonLdFrame {
  return { '@context': contextUrl(baseIri), ...shapeFrame(shape, baseIri) };
}

/** Where a shape's frame is published, `{base}frames/{name}.jsonld`. */
export function frameUrl(baseIri: string, name: 'person' | 'persons'): string {
  return `${baseIri}${relativeNamespaces.frames}${name}.jsonld`;
}
