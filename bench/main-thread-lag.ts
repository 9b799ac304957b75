// Measures how long the request thread stalls (event-loop delay) while the endpoint takes a very large query.
// Run: npx tsx bench/main-thread-lag.ts [UNIONS]   (prints JSON: query size, status, time, worst event-loop delay)
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/load-config.js';
import { openLocalStore } from '../src/backends/local/open-local-store.js';

const unions = Number(process.argv[2] ?? 20_000);
const config = loadConfig(process.env, { workers: 1, queryTimeoutMs: 2_000 });
const store = await openLocalStore(config);
const app = buildApp({ store, config });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const query = `SELECT * WHERE { ${Array.from({ length: unions }, (_, i) => `{ ?s <http://example.test/p${i}> ?o }`).join(' UNION ')} }`;

const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
const started = performance.now();
const res = await fetch(`${base}/sparql`, { method: 'POST', headers: { 'content-type': 'application/sparql-query' }, body: query });
await res.text();
const ms = performance.now() - started;
lag.disable();
await app.close();
console.log(
  JSON.stringify({ unions, queryBytes: Buffer.byteLength(query), status: res.status, ms: Math.round(ms), maxEventLoopDelayMs: Math.round(lag.max / 1e6) }),
);
