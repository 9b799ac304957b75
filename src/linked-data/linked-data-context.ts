// The one published JSON-LD @context (/context.jsonld): readable keys for casegraph's documents and dumps.
import { casegraphNamespaces, dcat, dct, relativeNamespaces, schema, skos, voidNs, wellKnownPrefixes } from '../vocabulary/namespaces.js';
import { documentShapes, type KeySpec } from './document-shapes.js';

export type JsonLdContext = Readonly<Record<string, unknown>>;

/** Classes that get a short name as a `type` value (others appear as compact IRIs such as `cg:Case`). */
const cgClasses = [
  'Case',
  'Event',
  'Source',
  'Petition',
  'ContextStatement',
  'Arrest',
  'Detention',
  'Trial',
  'Sentencing',
  'ForcedConfession',
  'WorkingGroupOpinion',
  'AwardConferral',
  'Campaign',
  'Publication',
  'Invitation',
  'Unrest',
  'InternetShutdown',
];
const schemaClasses = ['Person', 'Organization', 'GovernmentOrganization', 'Place', 'Country', 'WebSite', 'CreativeWork', 'Legislation'];

/** The URL the context is published at: `{base}context.jsonld`. */
export function contextUrl(baseIri: string): string {
  return baseIri + relativeNamespaces.jsonLdContext;
}

/** The context's term definitions, built from the document shapes so keys, documents and schema never disagree. */
export function linkedDataContext(baseIri: string): JsonLdContext {
  const ns = casegraphNamespaces(baseIri);
  const terms: Record<string, unknown> = {
    '@version': 1.1,
    // English by default, so that labels read as plain strings and a `label` with no value (null) still
    // compacts to its term: jsonld.js picks no term with an explicit @language for a null default.
    '@language': 'en',
    ...wellKnownPrefixes,
    cg: ns.cg.iri,
    void: voidNs.iri,
    dcat: dcat.iri,
    id: '@id',
    type: { '@id': '@type', '@container': '@set' },
  };
  for (const local of cgClasses) terms[local] = ns.cg(local);
  for (const local of schemaClasses) terms[local] = schema(local);
  terms.Concept = skos('Concept');
  terms.title = { '@id': dct('title'), '@language': null };
  terms.publisher = { '@id': dct('publisher'), '@type': '@id' };

  const defined = new Map<string, string>();
  for (const shape of documentShapes) {
    for (const spec of shape.keys) {
      const definition = termDefinition(spec, baseIri);
      const fingerprint = JSON.stringify(definition);
      const earlier = defined.get(spec.key);
      if (earlier !== undefined && earlier !== fingerprint) {
        throw new Error(`document shapes give the key "${spec.key}" two meanings: ${earlier} and ${fingerprint}`);
      }
      defined.set(spec.key, fingerprint);
      terms[spec.key] = definition;
    }
  }
  return terms;
}

function termDefinition(spec: KeySpec, baseIri: string): Record<string, unknown> {
  const iri = spec.predicate(baseIri);
  const definition: Record<string, unknown> = spec.reverse ? { '@reverse': iri } : { '@id': iri };
  // English keys inherit the default language; other text keys hold plain strings.
  if ((spec.kind === 'text' || spec.kind === 'texts') && spec.language === undefined) definition['@language'] = null;
  if (spec.kind === 'refs' || spec.kind === 'links' || spec.kind === 'texts' || spec.kind === 'nodes') definition['@container'] = '@set';
  return definition;
}

/** The document served at /context.jsonld. */
export function contextDocument(baseIri: string): { '@context': JsonLdContext } {
  return { '@context': linkedDataContext(baseIri) };
}
