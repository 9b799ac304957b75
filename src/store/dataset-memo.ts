// Remembers answers computed from the dataset, per key, for as long as the store they came from: it never changes.

/**
 * `memo(key, build)` runs `build` once per key and hands every caller the same promise, concurrent ones too.
 * A failure (a deadline under load) is forgotten, so the next caller tries again instead of failing forever.
 * Keep one memo per app: it dies with the app and its store, so no answer outlives its dataset version.
 */
export function datasetMemo<T>(): (key: string, build: () => Promise<T>) => Promise<T> {
  const answers = new Map<string, Promise<T>>();
  return (key, build) => {
    let answer = answers.get(key);
    if (!answer) {
      answer = build();
      answers.set(key, answer);
      answer.catch(() => answers.delete(key));
    }
    return answer;
  };
}
