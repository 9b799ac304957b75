// The dumps memo: the whole graph is serialised once per store version and shared by every request of one app.
import type { GraphStore } from '../store/graph-store.js';
import { buildDumps, type DumpSet } from './build-dumps.js';

/** The memo: one build per store version, shared by every request this app instance serves. */
export function dumpCache(store: GraphStore): () => Promise<DumpSet> {
  let memo: { version: string; built: Promise<DumpSet> } | undefined;
  return () => {
    if (memo?.version !== store.version) {
      const built = buildDumps(store);
      memo = { version: store.version, built };
      // A failed build is not kept: the next request tries again.
      built.catch(() => {
        if (memo?.built === built) memo = undefined;
      });
    }
    return memo.built;
  };
}
