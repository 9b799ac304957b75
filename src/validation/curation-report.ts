// Curation checks beside SHACL: what a case worker should look at next, reported but never a failure.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataFactory, type Store } from 'n3';
import type { Quad_Subject } from '@rdfjs/types';
import { casegraphNamespaces, dct, prov, rdf, schema } from '../vocabulary/namespaces.js';

const { namedNode } = DataFactory;

export type CurationCheck = 'single-source' | 'person-without-arrest-date' | 'source-without-url' | 'excerpt-not-in-held-text';

/** One finding: which check, the node, the file that describes it, and what was seen. */
export interface CurationFinding {
  readonly check: CurationCheck;
  readonly focusNode: string;
  readonly file: string;
  readonly detail: string;
}

export const curationChecks: readonly CurationCheck[] = ['single-source', 'person-without-arrest-date', 'source-without-url', 'excerpt-not-in-held-text'];

/**
 * `store` holds the data files as named graphs, `fileOf` maps each graph to its file. A held copy's path
 * (cg:heldCopy) is read relative to the project root's parent, where `shared/` lies beside the checkout.
 */
export function curationReport(store: Store, fileOf: ReadonlyMap<string, string>, root: string, baseIri: string): CurationFinding[] {
  const cg = casegraphNamespaces(baseIri).cg;
  const findings: CurationFinding[] = [];
  const subjects = new Map<string, Quad_Subject>();
  const fileOfSubject = new Map<string, string>();
  for (const quad of store.getQuads(null, null, null, null)) {
    const file = fileOf.get(quad.graph.value);
    if (file === undefined || quad.subject.termType !== 'NamedNode') continue;
    subjects.set(quad.subject.value, quad.subject);
    if (!fileOfSubject.has(quad.subject.value)) fileOfSubject.set(quad.subject.value, file);
  }
  const objects = (s: Quad_Subject, p: string) => [...new Set(store.getObjects(s, namedNode(p), null).map((o) => o.value))];
  const isA = (s: Quad_Subject, type: string) => store.countQuads(s, namedNode(rdf('type')), namedNode(type), null) > 0;
  const add = (check: CurationCheck, s: Quad_Subject, detail: string) =>
    findings.push({ check, focusNode: s.value, file: fileOfSubject.get(s.value) ?? '', detail });

  const heldTexts = new Map<string, string | undefined>();
  const heldText = (relative: string): string | undefined => {
    if (!heldTexts.has(relative)) {
      try {
        heldTexts.set(relative, spaced(readFileSync(path.resolve(root, '..', relative), 'utf8')));
      } catch {
        heldTexts.set(relative, undefined);
      }
    }
    return heldTexts.get(relative);
  };

  for (const subject of subjects.values()) {
    const sources = objects(subject, prov('wasDerivedFrom'));
    if (sources.length === 1 && !isA(subject, cg('Source'))) add('single-source', subject, `only ${sources[0]}`);

    if (isA(subject, cg('Source')) && objects(subject, schema('url')).length === 0) {
      const held = objects(subject, cg('heldCopy'));
      add('source-without-url', subject, held.length > 0 ? `held copy only: ${held.join(', ')}` : 'neither a URL nor a held copy');
    }

    const excerpts = objects(subject, cg('excerpt'));
    if (excerpts.length > 0) {
      // The texts this node may quote: its own held copy (a source quoting itself) and those of its sources.
      const holders = [subject, ...sources.map((s) => namedNode(s))];
      const held = holders.flatMap((h) => objects(h, cg('heldCopy')));
      if (held.length > 0) {
        const texts = held.map(heldText);
        for (const excerpt of excerpts) {
          if (texts.some((t) => t?.includes(spaced(excerpt)))) continue;
          const missing = held.filter((_, i) => texts[i] === undefined);
          add(
            'excerpt-not-in-held-text',
            subject,
            `"${excerpt}" not found in ${held.join(', ')}${missing.length ? ` (not readable: ${missing.join(', ')})` : ''}`,
          );
        }
      }
    }
  }

  // A person with a case of their own whose arrest, if recorded, has no date (recorded claims about it are named).
  for (const caseNode of store.getSubjects(namedNode(rdf('type')), namedNode(cg('Case')), null)) {
    for (const person of store.getObjects(caseNode, namedNode(cg('concernsPerson')), null)) {
      if (person.termType !== 'NamedNode') continue;
      const arrests = store.getSubjects(namedNode(cg('concernsPerson')), person, null).filter((e) => isA(e, cg('Arrest')));
      if (arrests.some((a) => store.countQuads(a, namedNode(dct('date')), null, null) > 0)) continue;
      const claims = arrests.flatMap((a) => store.getSubjects(namedNode(rdf('subject')), a, null).filter((c) => isA(c, cg('Claim'))));
      const detail =
        arrests.length === 0
          ? 'no arrest recorded'
          : claims.length > 0
            ? `arrest undated; ${claims.length} claims give different dates`
            : 'arrest recorded without a date';
      add('person-without-arrest-date', person, detail);
    }
  }

  const order = (f: CurationFinding) => `${curationChecks.indexOf(f.check)} ${f.file} ${f.focusNode} ${f.detail}`;
  const unique = new Map(findings.map((f) => [order(f), f]));
  return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, f]) => f);
}

/** Word for word, not space for space: a page's no-break spaces and line breaks match a plain space. */
function spaced(text: string): string {
  return text.replace(/\s+/gu, ' ');
}
