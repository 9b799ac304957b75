// Measures repeated GETs with the response cache on and off, over the shipped data, with autocannon.
// Run: npx tsx bench/response-cache.ts [SECONDS] [CONNECTIONS]   (prints a table: req/s, p50, p99 and the ratio)
import autocannon from 'autocannon';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/load-config.js';
import { openLocalStore } from '../src/backends/local/open-local-store.js';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 20);

const targets: ReadonlyArray<{ readonly name: string; readonly path: string; readonly accept: string }> = [
  { name: 'entity page (HTML)', path: '/id/person/gulmire-imin', accept: 'text/html' },
  { name: 'person as JSON-LD', path: '/id/person/gulmire-imin', accept: 'application/ld+json' },
  { name: '/api/persons/{id}', path: '/api/persons/gulmire-imin', accept: 'application/json' },
  { name: 'saved query (JSON)', path: '/api/queries/persons/list', accept: 'application/json' },
];

interface Figures {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  /** Requests that got no answer in time (autocannon's timeout): the uncached routes on a loaded machine. */
  readonly timeouts: number;
}

/** One server per setting, in turn: both read the same files with the same default worker count. */
async function measure(cacheMb: number): Promise<Figures[]> {
  const config = loadConfig(process.env, { cacheMb, port: 0 });
  const store = await openLocalStore(config);
  const app = buildApp({ store, config });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const figures: Figures[] = [];
    for (const { path, accept } of targets) {
      const check = await fetch(base + path, { headers: { accept } });
      await check.arrayBuffer();
      if (check.status !== 200) throw new Error(`${path} answered ${check.status}`);
      const result = await autocannon({ url: base + path, headers: { accept }, connections, duration: seconds, timeout: 30 });
      if (result.non2xx > 0) throw new Error(`${path}: ${result.non2xx} answers were not 2xx`);
      figures.push({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, timeouts: result.timeouts });
    }
    return figures;
  } finally {
    await app.close();
  }
}

const off = await measure(0);
const on = await measure(loadConfig(process.env).cacheMb || 256);
const ms = (value: number) => `${value} ms`;
console.log(`${seconds} s per target, ${connections} connections, Node ${process.version}\n`);
console.log('| target | cache off req/s | p50 | p99 | cache on req/s | p50 | p99 | ratio | timeouts off/on |');
console.log('|---|---|---|---|---|---|---|---|---|');
targets.forEach(({ name }, i) => {
  const a = off[i];
  const b = on[i];
  if (!a || !b) return;
  console.log(
    `| ${name} | ${Math.round(a.rps)} | ${ms(a.p50)} | ${ms(a.p99)} | ${Math.round(b.rps)} | ${ms(b.p50)} | ${ms(b.p99)} | ${(b.rps / a.rps).toFixed(1)}x | ${a.timeouts}/${b.timeouts} |`,
  );
});
