// Measures how long the request thread stalls (event-loop delay) while the endpoint takes a very large query or writes a very large answer.
// Run: npx tsx bench/main-thread-lag.ts [MODE] [N] [--main-thread]   (prints JSON: mode, size, status, time, worst event-loop delay)
//   query N    a query of N UNIONs (default 20 000): parsing it
//   concat N   a string doubled N times with CONCAT (default 23: 8 MiB), requested by 8 clients at once
//   jsonld N   a CONSTRUCT of N triples (default 10 000) as JSON-LD, by 4 clients at once
// --main-thread answers the way casegraph did before answers were written in the worker (query(), then a serialiser on
// this thread), for the before/after figures in README ("Fair use and load").
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/load-config.js';
import { openLocalStore } from '../src/backends/local/open-local-store.js';

const args = process.argv.slice(2).filter((a) => a !== '--main-thread');
const onMainThread = process.argv.includes('--main-thread');
const [mode = 'query', sizeArg] = /^\d+$/.test(args[0] ?? '') ? ['query', args[0]] : args;

const config = loadConfig(process.env, { workers: 2, queryTimeoutMs: 60_000, cacheMb: 0, queriesPerClient: 8, queryBudgetMs: 0 });
const opened = await openLocalStore(config);
const store = onMainThread ? { ...opened, answer: undefined } : opened;
const app = buildApp({ store, config });
const base = await app.listen({ host: '127.0.0.1', port: 0 });

function request(): { clients: number; body: string; format: string; size: number } {
  if (mode === 'concat') {
    const n = Number(sizeArg ?? 23);
    const doublings = Array.from({ length: n }, (_, i) => `BIND(CONCAT(?s${i}, ?s${i}) AS ?s${i + 1})`).join(' ');
    return { clients: 8, body: `SELECT ?s${n} WHERE { BIND("x" AS ?s0) ${doublings} }`, format: 'json', size: n };
  }
  if (mode === 'jsonld') {
    const n = Number(sizeArg ?? 10_000);
    // A cross product of the data, each pair a distinct literal, so the graph has N triples.
    const body = `CONSTRUCT { ?a <http://example.test/bench#near> ?l } WHERE { ?a ?p ?x . ?b ?q ?y BIND(CONCAT(STR(?b), " ", STR(?q), " ", STR(?y)) AS ?l) } LIMIT ${n}`;
    return { clients: 4, body, format: 'jsonld', size: n };
  }
  const n = Number(sizeArg ?? 20_000);
  return {
    clients: 1,
    body: `SELECT * WHERE { ${Array.from({ length: n }, (_, i) => `{ ?s <http://example.test/p${i}> ?o }`).join(' UNION ')} }`,
    format: 'json',
    size: n,
  };
}

const { clients, body, format, size } = request();
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
const started = performance.now();
const answers = await Promise.all(
  Array.from({ length: clients }, async () => {
    const res = await fetch(`${base}/sparql?format=${format}`, { method: 'POST', headers: { 'content-type': 'application/sparql-query' }, body });
    const bytes = (await res.arrayBuffer()).byteLength;
    return { status: res.status, bytes };
  }),
);
const ms = performance.now() - started;
lag.disable();
await app.close();
console.log(
  JSON.stringify({
    mode,
    size,
    writtenIn: onMainThread ? 'main thread' : 'worker',
    clients,
    queryBytes: Buffer.byteLength(body),
    statuses: [...new Set(answers.map((a) => a.status))],
    answerBytes: answers[0]?.bytes,
    ms: Math.round(ms),
    maxEventLoopDelayMs: Math.round(lag.max / 1e6),
  }),
);
