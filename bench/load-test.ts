// Load test (issue 12, item 9): a mixed workload with autocannon against `casegraph serve` on loopback; exits 1 when a check fails.
// Run: npm run test:load   (or: npm run build && npx tsx bench/load-test.ts [SECONDS])   SECONDS per round, default 15, at least 12; not part of npm test.
import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { projectRoot } from '../src/config/load-config.js';
import { processMemory } from './process-memory.js';

const seconds = Number(process.argv[2] ?? 15);
// A runaway must reach the server's 10 s deadline within the round, or the round proves nothing about fairness.
if (!(seconds >= 12)) throw new Error(`a round needs at least 12 s, got ${process.argv[2]}`);

/** Five-way cross product over every triple: runs until its deadline on any machine. */
const runaway = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }';
/** A string doubled 27 times (128 Mi characters): past MAX_ANSWER_BYTES, refused (413) or stopped (503), never answered. */
const oversized = `SELECT ?s27 WHERE { BIND("x" AS ?s0) ${Array.from({ length: 27 }, (_, i) => `BIND(CONCAT(?s${i}, ?s${i}) AS ?s${i + 1})`).join(' ')} }`;
const cheapSparql = 'SELECT ?person WHERE { ?person a <https://schema.org/Person> } LIMIT 10';

interface Client {
  readonly name: string;
  readonly kind: string;
  readonly cheap: boolean;
  readonly path: string;
  readonly accept: string;
}

const sparqlPath = (query: string) => `/sparql?query=${encodeURIComponent(query)}`;
const json = 'application/sparql-results+json';
const group = (count: number, kind: string, cheap: boolean, path: string, accept: string): Client[] =>
  Array.from({ length: count }, (_, i) => ({ name: `${kind}-${i}`, kind, cheap, path, accept }));
const runaways = group(2, 'runaway', false, sparqlPath(runaway), json);

/** Each client names itself (X-Client), so each counts as one client for admission control. */
const rounds: ReadonlyArray<{ readonly name: string; readonly clients: readonly Client[] }> = [
  // The acceptance scenario of issue 12: 2 clients loop runaway queries, 18 send a cheap SELECT.
  { name: 'runaways and cheap SELECTs', clients: [...runaways, ...group(18, 'select', true, sparqlPath(cheapSparql), json)] },
  // The mixed workload: entity pages, saved queries, ad-hoc SPARQL, runaways and an oversized answer.
  {
    name: 'mixed',
    clients: [
      ...group(6, 'page', true, '/id/person/gulmire-imin', 'text/html'),
      ...group(6, 'saved', true, '/api/queries/persons/list', 'application/json'),
      ...group(6, 'select', true, sparqlPath(cheapSparql), json),
      ...runaways,
      ...group(1, 'oversized', false, sparqlPath(oversized), json),
    ],
  },
];

/** The server as users start it; each client names itself in X-Client (API_KEY_HEADER), as all share one address here. */
async function startServer(): Promise<{ url: string; pid: number; exited: Promise<number | null>; stop: () => void }> {
  const child = spawn(process.execPath, [path.join(projectRoot, 'bin/casegraph.js'), 'serve'], {
    cwd: projectRoot,
    // As the attack run of issue 12: 2 workers, a 10 s deadline; no response cache, so every request does its work.
    // The environment may change the limits (CHEAP_QUERY_MS, QUERY_WORKERS, …), never the address or the client header.
    env: {
      QUERY_WORKERS: '2',
      QUERY_TIMEOUT_MS: '10000',
      CACHE_MB: '0',
      LOG_LEVEL: 'warn',
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      API_KEY_HEADER: 'x-client',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /at (http:\/\/127\.0\.0\.1:\d+)\/sparql/.exec(out)?.[1];
      if (found) resolve(found);
    });
    void exited.then((code) => reject(new Error(`casegraph serve exited with ${code} before it was ready`)));
  });
  return { url, pid: child.pid ?? 0, exited, stop: () => child.kill('SIGTERM') };
}

/** GET /health every 100 ms while the load runs: the worst and 99th percentile time, and any answer that was not 200. */
function probeHealth(url: string): { stop: () => Promise<{ count: number; maxMs: number; p99Ms: number; failures: number }> } {
  const times: number[] = [];
  let failures = 0;
  const state = { running: true };
  const loop = (async () => {
    while (state.running) {
      const started = performance.now();
      try {
        const res = await fetch(`${url}/health`);
        await res.arrayBuffer();
        if (res.status !== 200) failures += 1;
      } catch {
        failures += 1;
      }
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stop() {
      state.running = false;
      await loop;
      const sorted = [...times].sort((a, b) => a - b);
      return {
        count: times.length,
        maxMs: Math.round(sorted.at(-1) ?? 0),
        p99Ms: Math.round(sorted[Math.floor(sorted.length * 0.99)] ?? 0),
        failures,
      };
    },
  };
}

async function runRound(url: string, pid: number, name: string, clients: readonly Client[], failures: string[]): Promise<void> {
  // Each cheap request a few times before the runaways start: an ad-hoc query is cheap once seen finishing fast.
  for (let i = 0; i < 3; i += 1) {
    for (const client of clients.filter((c) => c.cheap)) {
      const res = await fetch(url + client.path, { headers: { accept: client.accept, 'x-client': client.name } });
      await res.arrayBuffer();
      if (res.status !== 200) failures.push(`${name}, warm-up: ${client.path} answered ${res.status}`);
    }
  }
  const memoryBefore = processMemory(pid);
  const memory: number[] = [];
  const sampler = setInterval(() => memory.push(processMemory(pid).rssMb), 1000);
  const health = probeHealth(url);
  const results = await Promise.all(
    clients.map(async (client) => {
      const result = await autocannon({
        url: url + client.path,
        headers: { accept: client.accept, 'x-client': client.name },
        connections: 1,
        duration: seconds,
        timeout: 30,
      });
      return { client, result };
    }),
  );
  const healthFigures = await health.stop();
  clearInterval(sampler);

  const cheap = results.filter((r) => r.client.cheap);
  const expensive = results.filter((r) => !r.client.cheap);
  const cheapAnswered = cheap.reduce((sum, r) => sum + r.result['2xx'], 0);
  const cheap5xx = cheap.reduce((sum, r) => sum + r.result['5xx'], 0);
  const cheapErrors = cheap.reduce((sum, r) => sum + r.result.errors + r.result.timeouts, 0);
  const expensiveStatuses: Record<string, number> = {};
  for (const { result } of expensive) {
    for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) expensiveStatuses[code] = (expensiveStatuses[code] ?? 0) + (stats.count ?? 0);
  }

  console.log(`\nround "${name}": ${seconds} s, ${cheap.length} cheap clients, ${expensive.length} expensive ones, one connection each`);
  console.log(`| client kind | clients | requests | 2xx | 5xx | worst p50 | worst p99 |`);
  console.log(`|---|---|---|---|---|---|---|`);
  for (const kind of [...new Set(clients.map((c) => c.kind))]) {
    const members = results.filter((r) => r.client.kind === kind);
    const sum = (pick: (r: autocannon.Result) => number) => members.reduce((total, r) => total + pick(r.result), 0);
    const worst = (pick: (r: autocannon.Result) => number) => Math.max(...members.map((r) => pick(r.result)));
    console.log(
      `| ${kind} | ${members.length} | ${sum((r) => r.requests.total)} | ${sum((r) => r['2xx'])} | ${sum((r) => r['5xx'])} | ${worst((r) => r.latency.p50)} ms | ${worst((r) => r.latency.p99)} ms |`,
    );
  }
  console.log(`expensive requests by status: ${JSON.stringify(expensiveStatuses)}`);
  console.log(`/health: ${healthFigures.count} probes, worst ${healthFigures.maxMs} ms, p99 ${healthFigures.p99Ms} ms, ${healthFigures.failures} not 200`);
  console.log(
    `server memory: ${Math.round(memoryBefore.rssMb)} MB before, ${Math.round(Math.max(...memory))} MB at most, ${Math.round(memory.at(-1) ?? 0)} MB at the end`,
  );

  if (cheap5xx > 0) failures.push(`${name}: ${cheap5xx} cheap requests answered 5xx`);
  if (cheapErrors > 0) failures.push(`${name}: ${cheapErrors} cheap requests got no answer (errors or timeouts)`);
  if (cheapAnswered === 0) failures.push(`${name}: no cheap request was answered while the runaways ran`);
  if ((expensiveStatuses['503'] ?? 0) === 0) failures.push(`${name}: no runaway reached its deadline, so the load did not hold the workers`);
  if (healthFigures.maxMs >= 100) failures.push(`${name}: /health took ${healthFigures.maxMs} ms at worst (limit 100 ms)`);
  if (healthFigures.failures > 0) failures.push(`${name}: /health failed ${healthFigures.failures} times`);
}

const server = await startServer();
const failures: string[] = [];
console.log(`load test against casegraph serve (2 workers, 10 s deadline, no response cache), Node ${process.version}`);
try {
  for (const round of rounds) await runRound(server.url, server.pid, round.name, round.clients, failures);
  const alive = await fetch(`${server.url}/health`).then(
    (res) => res.status === 200,
    () => false,
  );
  if (!alive) failures.push('the server no longer answers /health');
} finally {
  server.stop();
}
const code = await server.exited;
if (code !== 0) failures.push(`casegraph serve exited with ${code} after SIGTERM`);
if (failures.length > 0) {
  console.error(`\nload test FAILED:\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
} else console.log('\nload test passed');
