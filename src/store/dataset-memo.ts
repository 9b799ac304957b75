// Remembers values computed from the dataset, per key, up to a number of keys: the store never changes under them.

/**
 * `memo(key, build)` runs `build` once per key and hands every caller the same promise, concurrent ones too.
 * A failure (a deadline under load) is forgotten, so the next caller tries again instead of failing forever.
 * At most `limit` keys are kept, the least recently used going first, so a memo keyed by person cannot grow
 * with the dataset. Keep one memo per app: it dies with the app and its store, so no value outlives its
 * dataset version. Whole HTTP answers belong in the response cache (src/http/response-cache.ts), not here.
 */
export function datasetMemo<T>(limit: number): (key: string, build: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a memo keeps at least one key, got ${limit}`);
  const answers = new Map<string, Promise<T>>();
  return (key, build) => {
    let answer = answers.get(key);
    if (answer) {
      // Map order is insertion order: re-inserting marks the key as the most recently used.
      answers.delete(key);
      answers.set(key, answer);
      return answer;
    }
    answer = build();
    answers.set(key, answer);
    const kept = answer;
    kept.catch(() => {
      if (answers.get(key) === kept) answers.delete(key);
    });
    for (const oldest of answers.keys()) {
      if (answers.size <= limit) break;
      answers.delete(oldest);
    }
    return answer;
  };
}
