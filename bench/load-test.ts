// Load test (issue 12, item 9): a mixed workload with autocannon against `casegraph serve` on loopback; exits 1 when a check fails.
// Run: npm run test:load   (or: npm run build && npx tsx bench/load-test.ts [SECONDS] [--health-advisory])   SECONDS per round, default 15, at least 12; not part of npm test.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { projectRoot } from '../src/config/load-config.js';
import { processMemory } from './process-memory.js';

const args = process.argv.slice(2);
/**
 * `--health-advisory`: /health's worst time is printed and checked, but a time over the limit does not fail the run
 * (every other check still does). CI uses it: a latency gate on a machine whose other load we do not control would
 * fail on the machine, not on casegraph; `npm run test:load` alone keeps the 100 ms gate.
 */
const healthAdvisory = args.includes('--health-advisory');
const secondsArg = args.find((a) => !a.startsWith('--'));
const unknown = args.filter((a) => a.startsWith('--') && a !== '--health-advisory');
if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(', ')} (known: --health-advisory)`);
const seconds = Number(secondsArg ?? 15);
// A runaway must reach the server's 10 s deadline within the round, or the round proves nothing about fairness.
if (!(seconds >= 12)) throw new Error(`a round needs at least 12 s, got ${String(secondsArg)}`);

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
async function startServer(probeFile: string): Promise<{ url: string; pid: number; exited: Promise<number | null>; stop: () => void }> {
  // The probe (bench only) logs the request thread's event-loop delay and CPU wait, to tell a stall from starvation.
  const probe = fileURLToPath(new URL('./event-loop-probe.mjs', import.meta.url));
  const child = spawn(process.execPath, ['--import', probe, path.join(projectRoot, 'bin/casegraph.js'), 'serve'], {
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
      EVENT_LOOP_PROBE_FILE: probeFile,
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

interface HealthProbe {
  /** Wall clock when the request was sent. */
  readonly at: number;
  readonly ms: number;
}

interface HealthFigures {
  readonly count: number;
  readonly maxMs: number;
  readonly p99Ms: number;
  readonly failures: number;
  readonly probes: readonly HealthProbe[];
  /** The prober thread's worst event-loop delay during the round: a late client makes /health look late. */
  readonly clientMaxDelayMs: number;
  /** The prober thread: time on a CPU and time waiting for one during the round (Linux; NaN elsewhere). */
  readonly clientRunMs: number;
  readonly clientWaitMs: number;
}

/**
 * The /health prober, in its own thread: in the load test's main thread its probes would wait behind autocannon's
 * twenty clients, and a late client is not a late server. Plain http with one kept-alive socket, as a monitor would.
 */
const healthProbeSource = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { readFileSync } = require('node:fs');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const sched = () => {
  try {
    const [run, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    return { run, wait };
  } catch {
    return { run: NaN, wait: NaN };
  }
};
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const before = sched();
const probes = [];
let failures = 0;
let running = true;
parentPort.on('message', () => { running = false; });
const once = () => new Promise((resolve) => {
  const req = http.get(workerData.url + '/health', { agent }, (res) => {
    res.resume();
    res.on('end', () => resolve(res.statusCode === 200));
    res.on('error', () => resolve(false));
  });
  req.on('error', () => resolve(false));
  req.setTimeout(30000, () => req.destroy());
});
(async () => {
  while (running) {
    const at = Date.now();
    const started = performance.now();
    if (!(await once())) failures += 1;
    probes.push({ at, ms: performance.now() - started });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const after = sched();
  parentPort.postMessage({ probes, failures, maxDelayMs: delay.max / 1e6, runMs: (after.run - before.run) / 1e6, waitMs: (after.wait - before.wait) / 1e6 });
})();
`;

/** GET /health every 100 ms while the load runs: the worst and 99th percentile time, and any answer that was not 200. */
function probeHealth(url: string): { stop: () => Promise<HealthFigures> } {
  const worker = new Worker(healthProbeSource, { eval: true, workerData: { url } });
  const report = new Promise<{ probes: HealthProbe[]; failures: number; maxDelayMs: number; runMs: number; waitMs: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    async stop() {
      worker.postMessage('stop');
      const { probes, failures, maxDelayMs, runMs, waitMs } = await report;
      await worker.terminate();
      const sorted = probes.map((p) => p.ms).sort((a, b) => a - b);
      return {
        count: probes.length,
        maxMs: Math.round(sorted.at(-1) ?? 0),
        p99Ms: Math.round(sorted[Math.floor(sorted.length * 0.99)] ?? 0),
        failures,
        probes,
        clientMaxDelayMs: Math.round(maxDelayMs),
        clientRunMs: Math.round(runMs),
        clientWaitMs: Math.round(waitMs),
      };
    },
  };
}

interface HealthLine {
  readonly health: true;
  /** When the server began reading the request, and how long until its answer was written. */
  readonly at: number;
  readonly serverMs: number;
}

interface ProbeLine {
  readonly at: number;
  readonly windowMs: number;
  readonly maxDelayMs: number;
  readonly runMs: number;
  readonly waitMs: number;
  readonly gcMs: number;
}

/** The server's probe lines (bench/event-loop-probe.mjs) written between two wall-clock times. */
function readProbe(file: string, from: number, to: number): Array<ProbeLine | HealthLine> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as ProbeLine | HealthLine)
    .filter((line) => line.at >= from && line.at <= to);
}

/**
 * Why /health was slow: for the slowest probes, the request thread's event-loop delay and its time running and
 * waiting for a CPU in the 100 ms windows the probe overlapped. A stall shows as delay with run time; starvation
 * as delay with wait time.
 */
function explainHealth(health: HealthFigures, all: ReadonlyArray<ProbeLine | HealthLine>): void {
  const lines = all.filter((l): l is ProbeLine => !('health' in l));
  const served = all.filter((l): l is HealthLine => 'health' in l);
  const worstDelay = Math.max(0, ...lines.map((l) => l.maxDelayMs));
  const sum = (pick: (l: ProbeLine) => number) => lines.reduce((total, l) => total + pick(l), 0);
  const worstWait = Math.max(0, ...lines.map((l) => l.waitMs));
  const worstRun = Math.max(0, ...lines.map((l) => l.runMs));
  const worstGc = Math.max(0, ...lines.map((l) => l.gcMs));
  // A delay longer than the time the thread waited in its window was spent running: an estimate of the longest stall.
  const worstStall = Math.max(0, ...lines.map((l) => Math.min(l.maxDelayMs - l.waitMs, l.runMs)));
  console.log(
    `request thread: worst event-loop delay ${worstDelay} ms; on a CPU ${sum((l) => l.runMs)} ms and waiting for one ${sum((l) => l.waitMs)} ms in ${sum((l) => l.windowMs)} ms (worst 100 ms window: ${worstRun} ms running, ${worstWait} ms waiting; longest GC pause ${worstGc} ms; longest delay not spent waiting, at most ${worstStall} ms); prober thread: worst event-loop delay ${health.clientMaxDelayMs} ms, on a CPU ${health.clientRunMs} ms, waiting for one ${health.clientWaitMs} ms`,
  );
  const slowest = [...health.probes].sort((a, b) => b.ms - a.ms).slice(0, 3);
  for (const probe of slowest) {
    const around = lines.filter((l) => l.at >= probe.at && l.at - l.windowMs <= probe.at + probe.ms + 100);
    const windows = around.map((l) => `${l.maxDelayMs}/${l.runMs}/${l.waitMs}/${l.gcMs}`).join(' ');
    // The server's own record of this request: the first /health it began reading after the probe was sent.
    const seen = served.find((l) => l.at >= probe.at - 1 && l.at <= probe.at + probe.ms + 1);
    const server = seen ? `reached the server after ${seen.at - probe.at} ms, answered in ${seen.serverMs} ms` : 'no server record';
    console.log(`  /health ${Math.round(probe.ms)} ms (${server}): server windows (delay/run/wait/GC ms) ${windows || 'none'}`);
  }
}

async function runRound(url: string, pid: number, probeFile: string, name: string, clients: readonly Client[], failures: string[]): Promise<void> {
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
  const roundStart = Date.now();
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
  explainHealth(healthFigures, readProbe(probeFile, roundStart, Date.now() + 200));
  console.log(
    `server memory: ${Math.round(memoryBefore.rssMb)} MB before, ${Math.round(Math.max(...memory))} MB at most, ${Math.round(memory.at(-1) ?? 0)} MB at the end`,
  );

  if (cheap5xx > 0) failures.push(`${name}: ${cheap5xx} cheap requests answered 5xx`);
  if (cheapErrors > 0) failures.push(`${name}: ${cheapErrors} cheap requests got no answer (errors or timeouts)`);
  if (cheapAnswered === 0) failures.push(`${name}: no cheap request was answered while the runaways ran`);
  if ((expensiveStatuses['503'] ?? 0) === 0) failures.push(`${name}: no runaway reached its deadline, so the load did not hold the workers`);
  if (healthFigures.maxMs >= 100) {
    const over = `${name}: /health took ${healthFigures.maxMs} ms at worst (limit 100 ms)`;
    if (healthAdvisory) advisories.push(over);
    else failures.push(over);
  }
  if (healthFigures.failures > 0) failures.push(`${name}: /health failed ${healthFigures.failures} times`);
}

const probeDir = mkdtempSync(path.join(os.tmpdir(), 'casegraph-load-'));
const probeFile = path.join(probeDir, 'event-loop.jsonl');
const server = await startServer(probeFile);
const failures: string[] = [];
/** Over-limit /health times under --health-advisory: reported at the end, not failures. */
const advisories: string[] = [];
console.log(`load test against casegraph serve (2 workers, 10 s deadline, no response cache), Node ${process.version}`);
try {
  for (const round of rounds) await runRound(server.url, server.pid, probeFile, round.name, round.clients, failures);
  const alive = await fetch(`${server.url}/health`).then(
    (res) => res.status === 200,
    () => false,
  );
  if (!alive) failures.push('the server no longer answers /health');
} finally {
  server.stop();
}
const code = await server.exited;
rmSync(probeDir, { recursive: true, force: true });
if (code !== 0) failures.push(`casegraph serve exited with ${code} after SIGTERM`);
if (advisories.length > 0) console.log(`\n/health over its limit (advisory, --health-advisory):\n- ${advisories.join('\n- ')}`);
if (failures.length > 0) {
  console.error(`\nload test FAILED:\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
} else console.log(advisories.length > 0 ? '\nload test passed, except /health time (advisory)' : '\nload test passed');
