// ASK and SELECT over the shipped dataset (data/ and ontology/) through the local store, for the tests under test/data/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, projectRoot } from '../../src/config/load-config.js';
import { openLocalStore } from '../../src/backends/local/open-local-store.js';

export const dataPrefixes = `
PREFIX cg: <ontology#>
PREFIX person: <id/person/>
PREFIX case: <id/case/>
PREFIX event: <id/event/>
PREFIX source: <id/source/>
PREFIX org: <id/organisation/>
PREFIX place: <id/place/>
PREFIX legal: <id/legal/>
PREFIX charge: <id/concept/charge/>
PREFIX sentence: <id/concept/sentence-type/>
PREFIX finding: <id/concept/finding/>
PREFIX award: <id/concept/award/>
PREFIX campaign: <id/campaign/>
PREFIX statement: <id/statement/>
PREFIX claim: <id/claim/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dct: <http://purl.org/dc/terms/>
`;

/** The seed page's held copy, as the dataset's cg:heldCopy names it (relative to the folder above the project). */
export const seedText = readFileSync(path.join(projectRoot, '../shared/seed/uhrp-prisoner-profile-gulmire-imin.txt'), 'utf8');

export interface DatasetQueries {
  ask(body: string): Promise<boolean>;
  select(query: string): Promise<Array<Record<string, string>>>;
  close(): Promise<void>;
}

export async function openDatasetQueries(): Promise<DatasetQueries> {
  const store = await openLocalStore(loadConfig({}, { workers: 1 }));
  return {
    async ask(body) {
      const result = await store.query({ query: `${dataPrefixes} ASK { ${body} }` });
      if (result.kind !== 'boolean') throw new Error(`expected a boolean, got ${result.kind}`);
      return result.value;
    },
    async select(query) {
      const result = await store.query({ query: `${dataPrefixes} ${query}` });
      if (result.kind !== 'bindings') throw new Error(`expected bindings, got ${result.kind}`);
      return result.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.value])));
    },
    close: () => store.close(),
  };
}
