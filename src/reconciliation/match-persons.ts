// Scores persons against one reconciliation query (name, type, property constraints) and says when the best is a certain match.
import { canonicalWords } from './normalise-name.js';
import type { PersonIndex } from './read-person-index.js';
import type { PersonPropertyValues, PropertyValue } from './read-person-properties.js';
import { nameScores, scoreName } from './score-name.js';

export type ConstraintValue = string | number | boolean | { readonly id: string; readonly name?: string };

export interface PersonQuery {
  readonly query?: string;
  readonly type?: string | readonly string[];
  readonly limit?: number;
  readonly properties?: ReadonlyArray<{ readonly pid: string; readonly v: ConstraintValue | readonly ConstraintValue[] }>;
}

export interface Candidate {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly score: number;
  readonly match: boolean;
  readonly type: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly features: ReadonlyArray<{ readonly id: string; readonly value: number | boolean }>;
}

export interface MatchSettings {
  /** The one type this service reconciles against. */
  readonly personType: { readonly id: string; readonly name: string };
  readonly defaultLimit: number;
  readonly maxLimit: number;
  /** Reads a person's values only when a query constrains by property. */
  readonly propertiesOf: (id: string) => Promise<PersonPropertyValues>;
}

/** Below this a name is too unlike to be offered at all. */
const floor = 50;
/** What a constraint the person's data contradicts costs: enough to drop any name match below `match: true`. */
const contradiction = 30;
/** A name query scores persons it does not name this much when only properties are given. */
const propertiesOnly = 50;
/** How many of the best names get their properties read when a query constrains by property. */
const constrainedPool = 20;

const datePattern = /^-?\d{4}(-\d{2}(-\d{2})?)?$/;
const slugOf = (iri: string) => iri.slice(iri.lastIndexOf('/') + 1);
const sameWords = (a: string, b: string) => canonicalWords(a).join(' ') === canonicalWords(b).join(' ');

function valueMatches(pid: string, wanted: ConstraintValue, values: readonly PropertyValue[]): boolean {
  return values.some(({ term, label }) => {
    if (typeof wanted === 'object')
      return wanted.id === term.value || wanted.id === slugOf(term.value) || (wanted.name !== undefined && sameWords(wanted.name, label ?? term.value));
    if (typeof wanted === 'number') return Number(term.value) === wanted || (pid === 'birthYear' && term.value.startsWith(String(wanted)));
    if (typeof wanted === 'boolean') return term.value === String(wanted);
    const text = wanted.trim();
    // A date matches at the precision the client gives: "2009" matches 2009-07-14.
    if (datePattern.test(text) && datePattern.test(term.value)) return term.value.startsWith(text);
    return term.value === text || slugOf(term.value) === text || sameWords(text, label ?? term.value);
  });
}

/** The property whose values a constraint is checked against: birthYear reads birthDate. */
const sourceProperty = (pid: string) => (pid === 'birthYear' ? 'birthDate' : pid);

export async function matchPersons(index: PersonIndex, request: PersonQuery, settings: MatchSettings): Promise<Candidate[]> {
  const types = request.type === undefined ? [] : typeof request.type === 'string' ? [request.type] : request.type;
  if (types.length > 0 && !types.includes(settings.personType.id)) return [];
  const limit = Math.min(settings.maxLimit, Math.max(1, Math.floor(request.limit ?? settings.defaultLimit)));
  const text = request.query?.trim() ?? '';
  const constraints = request.properties ?? [];

  let scored = index.persons
    .map((person) => ({ person, score: text === '' ? propertiesOnly : Math.max(0, ...person.names.map((name) => scoreName(text, name))) }))
    .filter((s) => s.score >= floor);
  const byScore = (a: { score: number; person: { id: string } }, b: { score: number; person: { id: string } }) =>
    b.score - a.score || (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0);
  scored.sort(byScore);

  const features = new Map<string, Array<{ id: string; value: number | boolean }>>();
  const contradicted = new Set<string>();
  if (constraints.length > 0) {
    // Without a name every person is a candidate, so every one is checked; with one, the best names only.
    scored = text === '' ? scored : scored.slice(0, Math.max(constrainedPool, limit));
    const checked = await Promise.all(
      scored.map(async (s) => {
        const values = await settings.propertiesOf(s.person.id);
        const list: Array<{ id: string; value: boolean }> = [];
        let score = s.score;
        for (const { pid, v } of constraints) {
          const known = values.get(sourceProperty(pid)) ?? [];
          // A value the data does not state neither confirms nor contradicts.
          if (known.length === 0) continue;
          const wanted = Array.isArray(v) ? (v as readonly ConstraintValue[]) : [v as ConstraintValue];
          const ok = wanted.some((w) => valueMatches(pid, w, known));
          list.push({ id: pid, value: ok });
          if (!ok) {
            score -= contradiction;
            contradicted.add(s.person.id);
          }
        }
        features.set(s.person.id, list);
        return { ...s, score };
      }),
    );
    // Without a name, a candidate needs at least one constraint its data confirms and none it contradicts.
    const confirmed = (id: string) => (features.get(id) ?? []).some((f) => f.value === true);
    scored = checked.filter((s) => text !== '' || (confirmed(s.person.id) && !contradicted.has(s.person.id))).sort(byScore);
  }

  const [best, second] = scored;
  // Certain only when the best is the same name (up to spelling and order), nothing contradicts it, and no other
  // person also has that name: a near-namesake, however close, leaves the choice to the journalist.
  const certain =
    best !== undefined &&
    text !== '' &&
    best.score >= nameScores.reordered &&
    !contradicted.has(best.person.id) &&
    (second === undefined || second.score < nameScores.similarCeiling);
  return scored.slice(0, limit).map((s, i) => ({
    id: s.person.id,
    name: s.person.name,
    ...(s.person.description === '' ? {} : { description: s.person.description }),
    score: s.score,
    match: certain && i === 0,
    type: [settings.personType],
    features: [
      { id: 'name', value: text === '' ? 0 : Math.max(0, ...s.person.names.map((name) => scoreName(text, name))) },
      ...(features.get(s.person.id) ?? []),
    ],
  }));
}
