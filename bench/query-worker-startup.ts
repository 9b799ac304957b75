// Measures how long query workers take to become ready (spawn, attach the shared index, load Comunica, warm up), a first query, and a replacement after a kill.
// Run: node --import tsx bench/query-worker-startup.ts [WORKERS]
import { loadConfig } from '../src/config/load-config.js';
import { openLocalStore } from '../src/backends/local/open-local-store.js';

const workers = Number(process.argv[2] ?? 1);
const config = loadConfig(process.env, { workers });
const started = performance.now();
const store = await openLocalStore(config);
const opened = performance.now() - started;
const queryStarted = performance.now();
await store.query({ query: 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }' });
const firstQuery = performance.now() - queryStarted;
// Give the warm spare time to start (it starts in the background once the pool is ready), then kill a worker at a deadline.
// A spare takes about as long as the pool's own start did.
await new Promise((resolve) => setTimeout(resolve, Math.max(5_000, 2 * opened)));
await store.query({ query: 'SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }', timeoutMs: 200 }).catch(() => undefined);
const killed = performance.now();
await store.query({ query: 'ASK {}' });
const replacement = performance.now() - killed;
await store.close();
console.log(
  JSON.stringify({ workers, triples: store.size, openMs: Math.round(opened), firstQueryMs: Math.round(firstQuery), replacementMs: Math.round(replacement) }),
);
