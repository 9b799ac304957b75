// The reconciliation service's manifest (W3C Entity Reconciliation Service API 0.2, section "Service Manifest"): what OpenRefine reads when a journalist adds the service by URL.
import { casegraphNamespaces, relativeNamespaces, schema } from '../vocabulary/namespaces.js';

/** The one type the service reconciles against. */
export const personType = { id: schema('Person'), name: 'Person' } as const;

/** Paths below `/reconcile`, shared by the manifest and the routes so the two cannot drift apart. */
export const reconcilePaths = {
  suggestEntity: '/suggest/entity',
  suggestType: '/suggest/type',
  suggestProperty: '/suggest/property',
  preview: '/preview',
  proposeProperties: '/propose_properties',
} as const;

export const previewSize = { width: 400, height: 200 } as const;

export function reconciliationManifest(base: string, version: string) {
  const service = base + relativeNamespaces.reconcile;
  const ns = casegraphNamespaces(base);
  const suggest = (path: string) => ({ service_url: service, service_path: path });
  return {
    versions: ['0.2'],
    name: 'casegraph: persons imprisoned for what they said or wrote',
    identifierSpace: base + relativeNamespaces.person,
    schemaSpace: ns.cg.iri,
    documentation: `${base}docs`,
    serviceVersion: version,
    defaultTypes: [personType],
    view: { url: `${base + relativeNamespaces.person}{{id}}` },
    preview: { url: `${service}${reconcilePaths.preview}?id={{id}}`, ...previewSize },
    suggest: {
      entity: suggest(reconcilePaths.suggestEntity),
      type: suggest(reconcilePaths.suggestType),
      property: suggest(reconcilePaths.suggestProperty),
    },
    extend: { propose_properties: suggest(reconcilePaths.proposeProperties), property_settings: [] },
  };
}
