// Measures building the HTTP app over an already open store: buildApp() to ready(), median of several runs, and the route count.
// Run: npx tsx bench/app-ready.ts [RUNS]   (the store is opened once; only the app's own startup is timed)
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/load-config.js';
import { openStore } from '../src/backends/open-store.js';

const runs = Number(process.argv[2] ?? 7);
const config = loadConfig(process.env, { workers: 1 });
const store = await openStore(config);
const times: number[] = [];
let routes = 0;
for (let i = 0; i < runs; i += 1) {
  const started = performance.now();
  const app = buildApp({ store: { ...store, close: () => Promise.resolve() }, config });
  let count = 0;
  app.addHook('onRoute', () => void (count += 1));
  await app.ready();
  times.push(performance.now() - started);
  routes = count;
  await app.close();
}
await store.close();
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
console.log(`routes ${routes}; buildApp + ready over ${runs} runs: median ${median.toFixed(0)} ms, fastest ${(sorted[0] ?? 0).toFixed(0)} ms`);
console.log(times.map((t) => t.toFixed(0)).join(' '));
