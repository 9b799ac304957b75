// Orders events for a timeline by their stated dates and stated before/after relations, never inventing a date.
import type { Literal, NamedNode } from '@rdfjs/types';
import { casegraphNamespaces, dct } from '../vocabulary/namespaces.js';
import { compareTerms, type ResourceGraph } from './resource-graph.js';

export interface TimelineEntry {
  readonly event: NamedNode;
  /** The stated date, at its stated precision; absent when the sources give none. */
  readonly date?: Literal;
  /**
   * `dated`: placed by its date. `ordered`: no date, placed next to an event the sources say it follows or precedes.
   * `undated`: no date and no stated order relative to a dated event.
   */
  readonly placement: 'dated' | 'ordered' | 'undated';
  /** For `ordered` (and `undated` entries ordered among themselves): the stated relation that placed it. */
  readonly relation?: { readonly kind: 'after' | 'before'; readonly other: NamedNode };
}

/**
 * Dated events first, in date order (a month sorts before the days inside it); each undated event with a
 * cg:occurredAfter / cg:occurredBefore relation (either direction) to a placed event goes right next to it;
 * what is left is returned as `undated`, ordered among itself by the same relations where they exist.
 */
export async function orderTimeline(graph: ResourceGraph, events: readonly NamedNode[]): Promise<TimelineEntry[]> {
  const cg = casegraphNamespaces(graph.baseIri).cg;
  const unique = [...new Map(events.map((e) => [e.value, e])).values()].sort(compareTerms);
  const inSet = new Set(unique.map((e) => e.value));
  const after = new Map<string, NamedNode[]>();
  const before = new Map<string, NamedNode[]>();
  const relate = (map: Map<string, NamedNode[]>, from: NamedNode, to: NamedNode): void => {
    if (!inSet.has(to.value) || from.value === to.value) return;
    map.set(from.value, [...(map.get(from.value) ?? []), to]);
  };
  for (const e of unique) {
    for (const other of await graph.iris(e, cg('occurredAfter'))) {
      relate(after, e, other);
      relate(before, other, e);
    }
    for (const other of await graph.iris(e, cg('occurredBefore'))) {
      relate(before, e, other);
      relate(after, other, e);
    }
  }

  const dates = new Map<string, Literal | undefined>();
  for (const e of unique) dates.set(e.value, (await graph.literals(e, dct('date')))[0]);
  const dateOf = (e: NamedNode): Literal | undefined => dates.get(e.value);
  const sequence: TimelineEntry[] = unique
    .filter((e) => dateOf(e) !== undefined)
    .map((event): TimelineEntry => ({ event, date: dateOf(event), placement: 'dated' }))
    .sort((a, b) => compareDates(a.date as Literal, b.date as Literal) || compareTerms(a.event, b.event));

  let pending = unique.filter((e) => dateOf(e) === undefined);
  let changed = true;
  while (changed && pending.length > 0) {
    changed = false;
    for (const event of [...pending]) {
      const position = (other: NamedNode): number => sequence.findIndex((entry) => entry.event.value === other.value);
      const follows = (after.get(event.value) ?? []).find((other) => position(other) >= 0);
      const precedes = (before.get(event.value) ?? []).find((other) => position(other) >= 0);
      if (follows) {
        let at = position(follows) + 1;
        while (at < sequence.length && sequence[at]?.placement === 'ordered' && sequence[at]?.relation?.other.value === follows.value) at += 1;
        sequence.splice(at, 0, { event, placement: 'ordered', relation: { kind: 'after', other: follows } });
      } else if (precedes) {
        sequence.splice(position(precedes), 0, { event, placement: 'ordered', relation: { kind: 'before', other: precedes } });
      } else {
        continue;
      }
      pending = pending.filter((e) => e.value !== event.value);
      changed = true;
    }
  }

  // Among the rest, an event goes after every event it is stated to follow (a stable topological order).
  const undated: TimelineEntry[] = [];
  const remaining = [...pending];
  while (remaining.length > 0) {
    const ready = remaining.findIndex((e) => (after.get(e.value) ?? []).every((o) => !remaining.some((r) => r.value === o.value)));
    const [event] = remaining.splice(ready >= 0 ? ready : 0, 1) as [NamedNode];
    const follows = (after.get(event.value) ?? []).find((o) => undated.some((u) => u.event.value === o.value));
    undated.push({ event, placement: 'undated', ...(follows ? { relation: { kind: 'after' as const, other: follows } } : {}) });
  }
  return [...sequence, ...undated];
}

/** Compares xsd:date / gYearMonth / gYear lexically: "2012" < "2012-03" < "2012-03-15" < "2012-04". */
function compareDates(a: Literal, b: Literal): number {
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}
