// The Wikidata links rule: an owl:sameAs from a casegraph IRI stands only if a cited source states the QID.
import { DataFactory } from 'n3';
import { DataError } from '../errors/casegraph-error.js';
import { casegraphNamespaces, owl, prov, rdf, wikidataEntityPattern } from '../vocabulary/namespaces.js';
import type { ResourceGraph } from './resource-graph.js';
import { filterInOrder, someInOrder } from './map-in-order.js';

const { namedNode } = DataFactory;

export interface SameAsProblem {
  readonly subject: string;
  readonly target: string;
  /** The file that states the link. */
  readonly file: string | undefined;
  readonly message: string;
}

/**
 * Each `<{base}…> owl:sameAs <http://www.wikidata.org/entity/Q…>` must be backed by a reified statement in data/links/:
 * `[] a rdf:Statement; rdf:subject S; rdf:predicate owl:sameAs; rdf:object Q; prov:wasDerivedFrom <a cg:Source>;
 * cg:excerpt "…Q…"` whose excerpt quotes the source stating that very QID. Anything else is a problem.
 */
export async function findSameAsProblems(graph: ResourceGraph): Promise<SameAsProblem[]> {
  const cg = casegraphNamespaces(graph.baseIri).cg;
  const files = new Map(graph.store.graphs.map((g) => [g.iri, g.file]));
  const problems: SameAsProblem[] = [];
  const seen = new Set<string>();
  for await (const link of graph.store.matchStream({ predicate: namedNode(owl('sameAs')) })) {
    if (!link.subject.value.startsWith(graph.baseIri)) continue;
    const key = `${link.subject.value} ${link.object.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const problem = (message: string): void =>
      void problems.push({ subject: link.subject.value, target: link.object.value, file: files.get(link.graph.value), message });
    if (link.object.termType !== 'NamedNode' || !wikidataEntityPattern.test(link.object.value)) {
      problem('owl:sameAs may only name a Wikidata item (http://www.wikidata.org/entity/Q…)');
      continue;
    }
    const qid = link.object.value.slice(link.object.value.lastIndexOf('/') + 1);
    const statements = await filterInOrder(
      await graph.subjects(rdf('subject'), link.subject),
      async (s) =>
        (await graph.iris(s, rdf('predicate'))).some((p) => p.value === owl('sameAs')) &&
        (await graph.objects(s, rdf('object'))).some((o) => o.equals(link.object)),
    );
    if (statements.length === 0) {
      problem(`no rdf:Statement in data/links/ backs this link with a source (see README, "Wikidata links")`);
      continue;
    }
    const backed = await someInOrder(statements, async (s) => {
      const sources = await filterInOrder(await graph.iris(s, prov('wasDerivedFrom')), (src) => graph.isA(src, cg('Source')));
      const quoted = (await graph.literals(s, cg('excerpt'))).some((e) => new RegExp(`\\b${qid}\\b`).test(e.value));
      return sources.length > 0 && quoted;
    });
    if (!backed) problem(`the statement backing this link needs prov:wasDerivedFrom a cg:Source and a cg:excerpt quoting ${qid}`);
  }
  return problems;
}

/** Stops startup on the first unbacked link, naming the file. */
export async function checkSameAsLinks(graph: ResourceGraph): Promise<void> {
  const [first, ...rest] = await findSameAsProblems(graph);
  if (!first) return;
  const more = rest.length ? ` (and ${rest.length} more)` : '';
  throw new DataError(`${first.subject} owl:sameAs ${first.target}: ${first.message}${more}`, { file: first.file });
}
