// Turns the checked statements into one description per node, grouped by the person whose file holds them.
import { casegraphNamespaces, dct, prov, rdf, rdfs, schema, skos, xsd } from '../vocabulary/namespaces.js';
import { dataFilePrefixes } from '../vocabulary/data-file-prefixes.js';
import type { CheckedSheet, ImportProblem, NewResource, RdfValue, Statement } from './check-rows.js';
import { eventClasses, templateFields, type FieldNode } from './template-columns.js';
import type { Description, Term } from './write-turtle.js';

export interface PersonFile {
  readonly slug: string;
  readonly name: string;
  readonly descriptions: readonly Description[];
  /** Every IRI this file describes, for the collision check. */
  readonly subjects: readonly string[];
}

const eventOrder: ReadonlyArray<Exclude<FieldNode, 'person' | 'case'>> = ['arrest', 'detention', 'trial', 'sentencing'];

export function buildPersonFiles(checked: CheckedSheet, baseIri: string): { files: PersonFile[]; problems: ImportProblem[] } {
  const ns = casegraphNamespaces(baseIri);
  const expand = (curie: string): string => {
    const [prefix = '', local = ''] = curie.split(':');
    const iri = dataFilePrefixes.find(([p]) => p === prefix)?.[1] ?? '';
    return (iri.includes(':') ? iri : baseIri + iri) + local;
  };
  const iri = (value: string): Term => ({ termType: 'NamedNode', value });
  const en = (value: string): Term => ({ termType: 'Literal', value, language: 'en' });
  const plain = (value: string): Term => ({ termType: 'Literal', value });
  const rdfValue = (v: RdfValue): Term =>
    v.termType === 'NamedNode'
      ? iri(v.value)
      : { termType: 'Literal', value: v.value, ...(v.datatype ? { datatype: v.datatype } : {}), ...(v.language ? { language: v.language } : {}) };
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  const problems: ImportProblem[] = [];

  const files = [...checked.persons.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([slug, name]): PersonFile => {
      const statements = checked.statements.filter((s) => s.person === slug);
      const sourcesOf = (list: readonly Statement[]) => sorted(list.flatMap((s) => s.derivations.map((d) => d.source)));
      const personIri = ns.id(`person/${slug}`);
      const caseIri = ns.id(`case/${slug}`);
      const eventIri = (node: string) => ns.id(`event/${slug}-${node}`);
      const nodeIri = (node: FieldNode) => (node === 'person' ? personIri : node === 'case' ? caseIri : eventIri(node));
      const allSources = sourcesOf(statements);

      /** What the node states for a field: every value of a many-valued field; the agreed value (or agreed part of dates) of a single one. */
      const stated = (field: string): Term[] => {
        const spec = templateFields[field];
        const values = statements.filter((s) => s.field === field).map((s) => s.value);
        if (!spec || values.length === 0) return [];
        if (!spec.single || values.length === 1) return values.map(rdfValue);
        if (spec.kind !== 'date') return [];
        const parts = values.map((v) => v.value.split('-'));
        let common = 0;
        while (parts.every((p) => p[common] !== undefined && p[common] === parts[0]?.[common])) common++;
        if (common === 0) return [];
        const text = (parts[0] ?? []).slice(0, common).join('-');
        // Sources agree on the year (or month) but not on the rest: the node keeps that much, at that precision.
        return [{ termType: 'Literal', value: text, datatype: xsd(common === 1 ? 'gYear' : 'gYearMonth') }];
      };
      const fieldProperties = (node: FieldNode): Array<readonly [string, Term]> =>
        Object.entries(templateFields)
          .filter(([, spec]) => spec.node === node)
          .flatMap(([field, spec]) => stated(field).map((t) => [expand(spec.predicate), t] as const));

      const events = eventOrder.filter((node) => statements.some((s) => templateFields[s.field]?.node === node));
      const descriptions: Description[] = [];
      descriptions.push({
        subject: personIri,
        properties: [
          [rdf('type'), iri(schema('Person'))],
          [rdfs('label'), en(name)],
          [schema('name'), plain(name)],
          ...fieldProperties('person').filter(([p]) => p !== schema('name')),
          ...allSources.map((s) => [prov('wasDerivedFrom'), iri(s)] as const),
        ],
      });
      descriptions.push({
        subject: caseIri,
        properties: [
          [rdf('type'), iri(ns.cg('Case'))],
          [rdfs('label'), en(`Case of ${name}`)],
          [ns.cg('concernsPerson'), iri(personIri)],
          ...fieldProperties('case'),
          ...events.map((node) => [ns.cg('hasEvent'), iri(eventIri(node))] as const),
          ...allSources.map((s) => [prov('wasDerivedFrom'), iri(s)] as const),
        ],
      });
      for (const node of events) {
        const own = statements.filter((s) => templateFields[s.field]?.node === node);
        descriptions.push({
          subject: eventIri(node),
          properties: [
            [rdf('type'), iri(ns.cg(eventClasses[node]))],
            [rdfs('label'), en(`${eventClasses[node]} of ${name}`)],
            [ns.cg('concernsPerson'), iri(personIri)],
            ...fieldProperties(node),
            ...sourcesOf(own).map((s) => [prov('wasDerivedFrom'), iri(s)] as const),
          ],
        });
      }

      const claims = new Map<string, Description>();
      for (const statement of statements) {
        const spec = templateFields[statement.field];
        if (!spec) continue;
        const part = spec.kind === 'date' ? spec.node : statement.field.replace(/_/g, '-');
        const claimIri = ns.id(`claim/${slug}-${part}-${statement.value.key}`);
        if (claims.has(claimIri)) {
          problems.push({
            message: `IRI collision: two ${spec.label} values of ${name} make ${claimIri.slice(baseIri.length)}; write them the same way or keep one`,
          });
          continue;
        }
        claims.set(claimIri, {
          subject: claimIri,
          properties: [
            [rdf('type'), iri(ns.cg('Claim'))],
            [rdfs('label'), en(`${name}: ${spec.label} ${statement.value.display}`)],
            [rdf('subject'), iri(nodeIri(spec.node))],
            [rdf('predicate'), iri(expand(spec.predicate))],
            [rdf('object'), rdfValue(statement.value)],
            ...sorted(statement.derivations.map((d) => d.source)).map((s) => [prov('wasDerivedFrom'), iri(s)] as const),
            ...statement.derivations.map(
              (d) =>
                [
                  prov('qualifiedDerivation'),
                  {
                    termType: 'BlankNode',
                    description: {
                      subject: '',
                      properties: [
                        [rdf('type'), iri(prov('Derivation'))],
                        [prov('entity'), iri(d.source)],
                        ...(d.locator !== undefined ? [[ns.cg('locator'), plain(d.locator)] as const] : []),
                      ],
                    },
                  },
                ] as const,
            ),
            ...statement.derivations.flatMap((d) => (d.excerpt !== undefined ? [[ns.cg('excerpt'), plain(d.excerpt)] as const] : [])),
          ],
        });
      }
      descriptions.push(...[...claims.keys()].sort().map((k) => claims.get(k) as Description));

      const resources = [...checked.resources.values()].filter((r) => r.firstPerson === slug).sort((a, b) => (a.iri < b.iri ? -1 : 1));
      descriptions.push(...resources.map((r) => describeResource(r, ns.cg, iri, en, plain)));
      return { slug, name, descriptions, subjects: descriptions.map((d) => d.subject) };
    });
  return { files, problems };
}

function describeResource(
  r: NewResource,
  cg: (local: string) => string,
  iri: (value: string) => Term,
  en: (value: string) => Term,
  plain: (value: string) => Term,
): Description {
  const derived = [...r.sources].sort().map((s) => [prov('wasDerivedFrom'), iri(s)] as const);
  switch (r.kind) {
    case 'source':
      return {
        subject: r.iri,
        properties: [
          [rdf('type'), iri(cg('Source'))],
          [rdfs('label'), en(r.label)],
          ...(r.title !== undefined ? [[dct('title'), plain(r.title)] as const] : []),
          ...(r.date ? [[dct('date'), { termType: 'Literal', value: r.date.value, datatype: r.date.datatype ?? '' } as const] as const] : []),
          ...(r.publisher !== undefined ? [[dct('publisher'), iri(r.publisher)] as const] : []),
          ...(r.url !== undefined ? [[schema('url'), iri(r.url)] as const] : []),
        ],
      };
    case 'organisation':
    case 'place':
      return {
        subject: r.iri,
        properties: [
          [rdf('type'), iri(schema(r.kind === 'place' ? 'Place' : 'Organization'))],
          [rdfs('label'), en(r.label)],
          [schema('name'), plain(r.label)],
          ...derived,
        ],
      };
    case 'charge':
    case 'sentence-type': {
      const scheme = cg(r.kind === 'charge' ? 'Charges' : 'SentenceTypes');
      return {
        subject: r.iri,
        properties: [
          [rdf('type'), iri(skos('Concept'))],
          [rdfs('label'), en(r.label)],
          [skos('inScheme'), iri(scheme)],
          [skos('topConceptOf'), iri(scheme)],
          [skos('prefLabel'), en(r.label)],
          ...derived,
        ],
      };
    }
  }
}
