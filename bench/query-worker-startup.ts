// Measures how long query workers take to become ready (spawn, load Comunica, load the dataset, warm up) and a first query.
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
await store.close();
console.log(JSON.stringify({ workers, triples: store.size, openMs: Math.round(opened), firstQueryMs: Math.round(firstQuery) }));
