// Turns the checked statements into one description per node, grouped by the person whose file holds them.
import { casegraphNamespaces, dct, prov, rdf, rdfs, schema, skos, xsd } from '../vocabulary/namespaces.js';
import { dataFilePrefixes } from '../vocabulary/data-file-prefixes.js';
import type { CheckedSheet, ImportProblem, NewResource, RdfValue, Statement } from './check-rows.js';
import { eventClasses, eventNodes, templateFields, type FieldNode } from './template-columns.js';
import type { Description, Term } from './write-turtle.js';

export interface PersonFile {
  readonly slug: string;
  readonly name: string;
  readonly descriptions: readonly Description[];
  /** Every IRI this file describes, for the collision check. */
  readonly subjects: readonly string[];
}

/** Turns the sheet's statements into person files, plus one file of new sources, organisations, places and list members that several persons share. */
export function buildPersonFiles(checked: CheckedSheet, baseIri: string): { files: PersonFile[]; shared: Description[]; problems: ImportProblem[] } {
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
  const claimIriOf = (statement: Statement): string => {
    const spec = templateFields[statement.field];
    const part = spec?.kind === 'date' ? spec.node : statement.field.replace(/_/g, '-');
    return ns.id(`claim/${statement.person}-${part}-${statement.value.key}`);
  };
  const byId = new Map(checked.statements.map((s) => [s.id, s]));

  // Who uses each new resource: a row citing it or naming it, and for a publisher, whoever cites its pages.
  const users = new Map<string, Set<string>>();
  const use = (resource: string, person: string) => users.set(resource, (users.get(resource) ?? new Set()).add(person));
  for (const s of checked.statements) {
    for (const d of s.derivations) use(d.source, s.person);
    if (s.value.termType === 'NamedNode') use(s.value.value, s.person);
  }
  for (const r of checked.resources.values()) if (r.kind === 'source' && r.publisher !== undefined) for (const p of users.get(r.iri) ?? []) use(r.publisher, p);
  const ownerOf = (r: NewResource): string | undefined => {
    const persons = [...(users.get(r.iri) ?? [r.firstPerson])];
    return persons.length === 1 ? persons[0] : undefined;
  };
  const resourcesOf = (owner: string | undefined) =>
    [...checked.resources.values()].filter((r) => ownerOf(r) === owner).sort((a, b) => (a.iri < b.iri ? -1 : 1));

  const files = [...checked.persons.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([slug, name]): PersonFile => {
      const all = checked.statements.filter((s) => s.person === slug);
      const notes = all.filter((s) => templateFields[s.field]?.kind === 'note');
      const statements = all.filter((s) => templateFields[s.field]?.kind !== 'note');
      const on = (node: FieldNode, list: readonly Statement[]) => list.filter((s) => templateFields[s.field]?.node === node);
      const sourcesOf = (list: readonly Statement[]) => sorted(list.flatMap((s) => s.derivations.map((d) => d.source)));
      const personIri = ns.id(`person/${slug}`);
      const caseIri = ns.id(`case/${slug}`);
      const eventIri = (node: string) => ns.id(`event/${slug}-${node}`);
      const nodeIri = (node: FieldNode) => (node === 'person' ? personIri : node === 'case' ? caseIri : eventIri(node));

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
          .filter(([, spec]) => spec.node === node && spec.kind !== 'note')
          .flatMap(([field, spec]) => stated(field).map((t) => [expand(spec.predicate), t] as const));
      /** The node's label (its own label note, or the one given), its comment notes, the excerpts quoted for it, and its sources. */
      const nodeProperties = (node: FieldNode, label: string, own: readonly Statement[], derivedFrom = own): Array<readonly [string, Term]> => {
        const noted = on(node, notes);
        const labels = noted.filter((s) => s.field.endsWith('_label')).map((s) => s.value.value);
        return [
          [rdfs('label'), en(labels[0] ?? label)],
          ...noted.filter((s) => s.field.endsWith('_comment')).map((s) => [rdfs('comment'), en(s.value.value)] as const),
          ...own.flatMap((s) => s.derivations.flatMap((d) => (d.excerpt !== undefined ? [[ns.cg('excerpt'), plain(d.excerpt)] as const] : []))),
          ...sourcesOf([...derivedFrom, ...noted]).map((s) => [prov('wasDerivedFrom'), iri(s)] as const),
        ];
      };

      const referenced = statements.filter((s) => templateFields[s.field]?.kind === 'event').map((s) => s.value.display);
      const events = eventNodes.filter((node) => all.some((s) => templateFields[s.field]?.node === node) || referenced.includes(node));
      const descriptions: Description[] = [];
      descriptions.push({
        subject: personIri,
        properties: [
          [rdf('type'), iri(schema('Person'))],
          [schema('name'), plain(name)],
          ...fieldProperties('person').filter(([p]) => p !== schema('name')),
          // The person rests on the rows about the person; with none (only the person column), on every row, each of which names them.
          ...nodeProperties('person', name, on('person', statements), sourcesOf(on('person', all)).length > 0 ? on('person', statements) : statements),
        ],
      });
      // The case rests on what is said of it and of its events.
      const caseStatements = statements.filter((s) => templateFields[s.field]?.node !== 'person');
      descriptions.push({
        subject: caseIri,
        properties: [
          [rdf('type'), iri(ns.cg('Case'))],
          [ns.cg('concernsPerson'), iri(personIri)],
          ...fieldProperties('case'),
          ...events.map((node) => [ns.cg('hasEvent'), iri(eventIri(node))] as const),
          ...nodeProperties('case', `Case of ${name}`, on('case', statements), caseStatements),
        ],
      });
      for (const node of events) {
        descriptions.push({
          subject: eventIri(node),
          properties: [
            [rdf('type'), iri(ns.cg(eventClasses[node]))],
            [ns.cg('concernsPerson'), iri(personIri)],
            // A publication in a person's case is the person's own: the field says so.
            ...(node === 'publication' ? [[ns.cg('agent'), iri(personIri)] as const] : []),
            ...fieldProperties(node),
            ...nodeProperties(node, `${eventClasses[node]} of ${name}`, on(node, statements)),
          ],
        });
      }

      const claims = new Map<string, Description>();
      for (const statement of statements) {
        const spec = templateFields[statement.field];
        if (!spec) continue;
        const claimIri = claimIriOf(statement);
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
            [rdfs('label'), en(statement.label ?? `${name}: ${spec.label} ${statement.value.display}`)],
            [rdf('subject'), iri(nodeIri(spec.node))],
            [rdf('predicate'), iri(expand(spec.predicate))],
            [rdf('object'), rdfValue(statement.value)],
            ...[...statement.alternatives].flatMap((id) => {
              const other = byId.get(id);
              return other ? [[ns.cg('alternativeTo'), iri(claimIriOf(other))] as const] : [];
            }),
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

      descriptions.push(...resourcesOf(slug).map((r) => describeResource(r, ns.cg, iri, en, plain)));
      return { slug, name, descriptions, subjects: descriptions.map((d) => d.subject) };
    });
  const shared = resourcesOf(undefined).map((r) => describeResource(r, ns.cg, iri, en, plain));
  return { files, shared, problems };
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
