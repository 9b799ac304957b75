// `npm run bench`: casegraph against Oxigraph on the same synthetic cases (load, memory, queries, HTTP throughput, worker replacement).
// Run: npm run bench -- [--size 10k|100k|1m] [--quick]   (results under bench/results/; see bench/README.md)
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { projectRoot } from '../src/config/load-config.js';
import { loadQueryCatalog } from '../src/queries/index.js';
import { defaultBaseIri } from '../src/vocabulary/namespaces.js';
import { generateCases, syntheticBenchBase } from './generate-cases.js';
import type { GeneratedDataset } from './generate-cases.js';
import { processMemory } from './process-memory.js';
import { freePort } from './free-port.js';

const sizes = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 } as const;
type Size = keyof typeof sizes;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}
const sizeName = (option('size') ?? '100k').toLowerCase();
if (!(sizeName in sizes)) {
  console.error(`--size must be one of ${Object.keys(sizes).join(', ')}, got ${sizeName}`);
  process.exit(2);
}
const size = sizeName as Size;
const quick = process.argv.includes('--quick');
/** Load time and memory only: at 1M a single OPTIONAL keeps Oxigraph's WASM busy for minutes, with no way to cancel it. */
const loadOnly = process.argv.includes('--load-only');
const warmRuns = quick ? 1 : 5;
/** A slow query stops its warm runs once it has taken this long in all, so a run at 1M still ends. */
const budgetMs = 10_000;
const loadCapMs = 180_000;
const cannonSeconds = quick ? 2 : 10;
const connections = 20;
const replacementRounds = quick ? 1 : 3;

const t0 = performance.now();
const progress = (line: string): void => console.log(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}`);
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const at = (i: number): number => sorted[i] ?? Number.NaN;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
};
const abs = (relative: string): string => new URL(relative, syntheticBenchBase).href;

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await gone;
}

// ---------------------------------------------------------------- data

/** The generated folder for a size, reused when its manifest says it was made by the same generator run. */
function dataset(): GeneratedDataset & { dir: string } {
  const dir = path.join(projectRoot, 'bench', 'generated', size);
  const manifest = path.join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    const saved = JSON.parse(readFileSync(manifest, 'utf8')) as GeneratedDataset;
    if ((saved.samples as Partial<GeneratedDataset['samples']>).campaign !== undefined && saved.files.every((file) => existsSync(path.join(dir, file))))
      return { ...saved, dir };
  }
  progress(`generating ${size} triples into ${path.relative(projectRoot, dir)}/`);
  const generated = generateCases({ triples: sizes[size], outDir: dir, seed: 1 });
  writeFileSync(manifest, JSON.stringify(generated, null, 2));
  return { ...generated, dir };
}

// ---------------------------------------------------------------- the two servers

interface Endpoint {
  readonly name: 'casegraph' | 'oxigraph';
  /** Rewritten when the Oxigraph child is restarted after a query outlived oxigraphCapMs. */
  sparql: string;
  origin: string;
}

/** Oxigraph cannot cancel a query: one that outlives this is recorded as such and its process restarted. */
const oxigraphCapMs = 30_000;
let restartOxigraph: () => Promise<void> = () => Promise.resolve();

interface Started {
  readonly child: ChildProcess;
  readonly endpoint: Endpoint;
  readonly healthMs: number;
  readonly readyMs: number;
  readonly loadMs?: number;
  readonly rssMb: number;
  readonly hwmMb: number;
  readonly triples: number;
}

async function startCasegraph(dir: string, snapshotDir: string): Promise<Started | { failed: string }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(projectRoot, 'bin/casegraph.js'), 'serve'], {
    cwd: projectRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIRS: dir, BASE_IRI: syntheticBenchBase, SNAPSHOT_DIR: snapshotDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  child.stdout.resume();
  const state = { exited: false };
  child.once('exit', () => (state.exited = true));
  const sparql = `${origin}/sparql`;
  let healthMs: number | undefined;
  let triples = Number.NaN;
  while (performance.now() - started < loadCapMs) {
    if (state.exited) return { failed: `exited with ${child.exitCode ?? child.signalCode}: ${stderr.trim().split('\n').slice(-3).join(' / ')}` };
    if (healthMs === undefined) {
      const health = await fetch(`${origin}/health`).then(
        async (r) => (r.ok ? ((await r.json()) as { triples: number }) : undefined),
        () => undefined,
      );
      if (health !== undefined) {
        healthMs = performance.now() - started;
        triples = health.triples;
        progress(`casegraph /health 200 after ${(healthMs / 1000).toFixed(1)} s (${triples} triples)`);
      }
    } else if ((await ask(sparql)) === 200) {
      const readyMs = performance.now() - started;
      return { child, endpoint: { name: 'casegraph', sparql, origin }, healthMs, readyMs, triples, ...processMemory(child.pid ?? 0) };
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await stop(child);
  return {
    failed: `not ready within ${loadCapMs / 1000} s${healthMs === undefined ? '' : ' (/health answered)'}: ${stderr.trim().split('\n').slice(-2).join(' / ')}`,
  };
}

async function startOxigraph(files: readonly string[]): Promise<Started> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'bench/oxigraph-endpoint.ts'), syntheticBenchBase, ...files], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the Oxigraph endpoint exited with ${code}`)));
  });
  const report = JSON.parse(first) as { port: number; loadMs: number; rssMb: number; hwmMb: number; triples: number };
  const origin = `http://127.0.0.1:${report.port}`;
  const readyMs = performance.now() - started;
  return { child, endpoint: { name: 'oxigraph', sparql: `${origin}/sparql`, origin }, healthMs: readyMs, readyMs, ...report };
}

async function ask(sparql: string, timeoutSeconds?: number): Promise<number> {
  return fetch(sparql, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' },
    body: new URLSearchParams({ query: 'ASK {}', ...(timeoutSeconds === undefined ? {} : { timeout: String(timeoutSeconds) }) }),
  }).then(
    async (r) => {
      await r.arrayBuffer();
      return r.status;
    },
    () => 0,
  );
}

// ---------------------------------------------------------------- queries

interface Answer {
  readonly ms: number;
  readonly rows: number;
  readonly truncated: boolean;
}

async function select(endpoint: Endpoint, query: string, timeoutSeconds?: number, defaultGraphs: readonly string[] = []): Promise<Answer & { status: number }> {
  const started = performance.now();
  let response: Response;
  const body = new URLSearchParams({ query, ...(timeoutSeconds === undefined ? {} : { timeout: String(timeoutSeconds) }) });
  for (const graph of defaultGraphs) body.append('default-graph-uri', graph);
  try {
    response = await fetch(endpoint.sparql, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' },
      body,
      ...(endpoint.name === 'oxigraph' ? { signal: AbortSignal.timeout(oxigraphCapMs) } : {}),
    });
  } catch (error) {
    if (endpoint.name !== 'oxigraph' || !(error instanceof DOMException && error.name === 'TimeoutError')) throw error;
    progress(`Oxigraph took over ${oxigraphCapMs / 1000} s: restarting it`);
    await restartOxigraph();
    throw new PastDeadline(`Oxigraph past ${oxigraphCapMs / 1000} s`);
  }
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) return { ms, rows: Number.NaN, truncated: false, status: response.status };
  const json = JSON.parse(text) as { head?: { link?: string[] }; results?: { bindings: unknown[] }; boolean?: boolean };
  return {
    ms,
    rows: json.results?.bindings.length ?? 1,
    truncated: response.headers.get('casegraph-truncated') === 'true' || (json.head?.link ?? []).some((l) => l.endsWith('#truncated')),
    status: response.status,
  };
}

interface Timed {
  readonly coldMs: number;
  readonly warmMs: number;
  readonly warmRuns: number;
  readonly rows: number;
  readonly truncated: boolean;
  /** casegraph answered 503: the query outlived the server's deadline (QUERY_TIMEOUT_MS). */
  readonly pastDeadline?: boolean;
}

/** The cold run, then warm runs until warmRuns or the query's time budget is spent (at least one warm run). */
async function timed(run: () => Promise<Answer>): Promise<Timed> {
  const started = performance.now();
  const cold = await run().catch((error: unknown) => {
    if (error instanceof PastDeadline) return undefined;
    throw error;
  });
  if (cold === undefined)
    return { coldMs: performance.now() - started, warmMs: Number.NaN, warmRuns: 0, rows: Number.NaN, truncated: false, pastDeadline: true };
  const warm: number[] = [];
  let spent = cold.ms;
  while (warm.length < warmRuns && (warm.length === 0 || spent < budgetMs)) {
    const answer = await run().catch((error: unknown) => {
      if (error instanceof PastDeadline) return undefined;
      throw error;
    });
    if (answer === undefined) break;
    warm.push(answer.ms);
    spent += answer.ms;
  }
  return { coldMs: cold.ms, warmMs: median(warm), warmRuns: warm.length, rows: cold.rows, truncated: cold.truncated };
}

/** casegraph's answer when a query outlives QUERY_TIMEOUT_MS: a figure to record, not a broken bench. */
class PastDeadline extends Error {}

async function checkedSelect(endpoint: Endpoint, query: string, label: string, defaultGraphs: readonly string[] = []): Promise<Answer> {
  const answer = await select(endpoint, query, undefined, defaultGraphs);
  if (answer.status === 503 && endpoint.name === 'casegraph') throw new PastDeadline(`${label}: 503 after ${fmtMs(answer.ms)}`);
  if (answer.status !== 200) throw new Error(`${endpoint.name} answered ${answer.status} to ${label}`);
  return answer;
}

interface QueryRow {
  readonly query: string;
  readonly casegraph: Timed | undefined;
  readonly oxigraph: Timed;
  /** Rows casegraph should answer, given Oxigraph's total and the page size. */
  readonly expectedRows: number;
  readonly agree: boolean | undefined;
}

function researchQueries(): Array<{ name: string; text: string }> {
  const dir = path.join(projectRoot, 'bench/queries');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.rq'))
    .sort()
    .map((file) => ({ name: file.replace(/\.rq$/, ''), text: readFileSync(path.join(dir, file), 'utf8') }));
}

async function runResearchQueries(casegraph: Endpoint | undefined, oxigraph: Endpoint): Promise<QueryRow[]> {
  const rows: QueryRow[] = [];
  // Oxigraph holds the files' triples only: casegraph's research queries read its file graphs alone, without the
  // graphs it derives at load time (date intervals, the ontology's closure), so both answer over the same triples.
  const files = casegraph === undefined ? [] : await sourceGraphs(casegraph);
  for (const { name, text } of researchQueries()) {
    const cg = casegraph === undefined ? undefined : await timed(() => checkedSelect(casegraph, text, name, files));
    const ox = await timed(() => checkedSelect(oxigraph, text, name));
    const agree =
      cg === undefined || cg.pastDeadline === true || ox.pastDeadline === true ? undefined : cg.truncated ? cg.rows <= ox.rows : cg.rows === ox.rows;
    rows.push({ query: name, casegraph: cg, oxigraph: ox, expectedRows: ox.rows, agree });
    progress(
      `research ${name}: casegraph ${fmtMs(cg?.warmMs)} (${cg?.rows ?? '–'} rows), Oxigraph ${fmtMs(ox.warmMs)} (${ox.rows} rows)${agree === false ? '  ROW COUNTS DIFFER' : ''}`,
    );
  }
  return rows;
}

/** casegraph's named graphs but the derived ones (`{base}graph/derived/…`). */
async function sourceGraphs(casegraph: Endpoint): Promise<string[]> {
  const response = await fetch(casegraph.sparql, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' },
    body: new URLSearchParams({ query: 'SELECT DISTINCT ?g WHERE { GRAPH ?g { } }' }),
  });
  if (!response.ok) throw new Error(`casegraph answered ${response.status} when asked for its graphs`);
  const json = (await response.json()) as { results: { bindings: Array<{ g: { value: string } }> } };
  const graphs = json.results.bindings.map((row) => row.g.value).filter((graph) => !graph.startsWith(abs('graph/derived/')));
  if (graphs.length === 0) throw new Error('casegraph listed no source graphs');
  return graphs;
}

interface SavedQuery {
  readonly name: string;
  readonly text: string;
  readonly pageSize?: number;
}

/**
 * The saved queries the catalog serves (it leaves out queries/tables/, which fill /api/tables), with each file's
 * text as written; listed here rather than by `GET /api/queries`, whose enumerated values are read from the data
 * on first use and can outlive the deadline on a big graph.
 */
function savedQueries(): SavedQuery[] {
  return loadQueryCatalog(projectRoot, defaultBaseIri)
    .queries.map((q) => ({
      name: q.name,
      text: readFileSync(path.join(projectRoot, q.file), 'utf8'),
      ...(q.pageSize === undefined ? {} : { pageSize: q.pageSize }),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Parameter values from the generated data, for each IRI parameter (`?_name_iri` / `?__name_iri`) the query has. */
function savedQueryParameters(query: SavedQuery, data: GeneratedDataset): Record<string, string> {
  const samples: Record<string, string> = {
    person: `id/person/${data.samples.personIds[1] ?? 'syn-000001'}`,
    charge: data.samples.charge,
    sentence: data.samples.sentenceType,
    provision: data.samples.provision,
    place: data.samples.place,
    type: data.samples.eventType,
    campaign: data.samples.campaign,
  };
  const values: Record<string, string> = {};
  for (const [, name] of query.text.matchAll(/\?__?([a-zA-Z]+)_iri\b/g)) {
    const sample = name === undefined ? undefined : samples[name];
    if (name !== undefined && sample !== undefined) values[name] = abs(sample);
  }
  return values;
}

/**
 * The saved query's SPARQL for Oxigraph, which has no initial bindings: each parameter variable (grlc's
 * `?_name_type`, or `?__name_type` when optional) is replaced by the IRI, as casegraph binds it before the
 * query runs; `BOUND(?var)` of a bound variable is true.
 */
function boundForOxigraph(text: string, values: Record<string, string>): string {
  let bound = text;
  for (const [name, value] of Object.entries(values)) {
    const variable = new RegExp(`\\?__?${name}_[A-Za-z_]+`).exec(bound)?.[0];
    if (variable === undefined) throw new Error(`no variable for parameter ${name}`);
    const escaped = variable.replace('?', '\\?');
    bound = bound.replace(new RegExp(`BOUND\\(\\s*${escaped}\\s*\\)`, 'g'), 'true').replace(new RegExp(`${escaped}\\b`, 'g'), `<${value}>`);
  }
  return bound;
}

async function runSavedQueries(
  casegraph: Started,
  oxigraph: Endpoint,
  data: GeneratedDataset,
): Promise<{ rows: QueryRow[]; sample: { path: string; sparql: string } }> {
  const rows: QueryRow[] = [];
  let sample = { path: '', sparql: '' };
  for (const query of savedQueries()) {
    const values = savedQueryParameters(query, data);
    const search = new URLSearchParams(values).toString();
    const route = `/api/queries/${query.name}${search === '' ? '' : `?${search}`}`;
    const oxText = boundForOxigraph(query.text, values);
    if (query.name === 'persons/timeline') sample = { path: route, sparql: oxText };
    const cg = await timed(async () => {
      const started = performance.now();
      const response = await fetch(`${casegraph.endpoint.origin}${route}`);
      const text = await response.text();
      if (response.status === 503) throw new PastDeadline(`${route}: 503 after ${fmtMs(performance.now() - started)}`);
      if (!response.ok) throw new Error(`casegraph answered ${response.status} to ${route}: ${text.slice(0, 300)}`);
      const json = JSON.parse(text) as { rows?: unknown[]; truncated?: boolean };
      if (json.rows === undefined) throw new Error(`casegraph answered ${route} without rows`);
      return { ms: performance.now() - started, rows: json.rows.length, truncated: json.truncated === true };
    });
    const ox = await timed(() => checkedSelect(oxigraph, oxText, query.name));
    const expectedRows = query.pageSize === undefined ? ox.rows : Math.min(ox.rows, query.pageSize);
    const agree = cg.pastDeadline === true || ox.pastDeadline === true ? undefined : cg.truncated ? cg.rows <= expectedRows : cg.rows === expectedRows;
    rows.push({ query: query.name, casegraph: cg, oxigraph: ox, expectedRows, agree });
    progress(
      `saved ${query.name}: casegraph cold ${fmtMs(cg.coldMs)} warm ${fmtMs(cg.warmMs)} (${cg.rows} rows), Oxigraph ${fmtMs(ox.warmMs)} (${expectedRows})${agree === false ? '  ROW COUNTS DIFFER' : cg.pastDeadline === true ? '  casegraph: 503 past its deadline' : ''}`,
    );
  }
  return { rows, sample };
}

// ---------------------------------------------------------------- HTTP throughput

interface Throughput {
  readonly target: string;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
}

async function cannon(
  target: string,
  url: string,
  options: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {},
  settle?: Endpoint,
): Promise<Throughput> {
  // Requests the previous run left queued would otherwise be served on this run's clock.
  if (settle !== undefined) await ask(settle.sparql);
  const result = await autocannon({ url, connections, duration: cannonSeconds, ...options });
  const figures = {
    target,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
  progress(
    `autocannon ${target}: ${Math.round(figures.requestsPerSecond)} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms${figures.non2xx ? `, ${figures.non2xx} failed` : ''}`,
  );
  return figures;
}

// ---------------------------------------------------------------- worker replacement

/** Every worker runs a query past a short deadline (so each is terminated); then: how long until `ASK {}` answers. */
async function replacementMs(casegraph: Endpoint, data: GeneratedDataset): Promise<number> {
  const heavy = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }';
  const workers = Math.max(1, os.availableParallelism());
  const answers = await Promise.all(Array.from({ length: workers }, () => select(casegraph, heavy, 0.3)));
  if (answers.some((a) => a.status !== 503))
    throw new Error(`expected 503 past the deadline, got ${answers.map((a) => a.status).join(', ')} (${data.triples} triples)`);
  const started = performance.now();
  for (;;) {
    if ((await ask(casegraph.sparql)) === 200) return performance.now() - started;
    if (performance.now() - started > 60_000) throw new Error('no worker answered ASK {} within 60 s of the timeouts');
  }
}

// ---------------------------------------------------------------- report

const fmtMs = (ms: number | undefined): string =>
  ms === undefined || Number.isNaN(ms) ? '–' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined || !b ? '–' : `${(a / b).toFixed(2)}x`);

async function main(): Promise<void> {
  const data = dataset();
  progress(`${data.triples} synthetic triples, ${data.cases} cases, ${data.files.length} files (seed 1)`);
  const ontologyFiles = readdirSync(path.join(projectRoot, 'ontology'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ttl'))
    .sort()
    .map((file) => path.join(projectRoot, 'ontology', file));
  const files = [...ontologyFiles, ...data.files.map((file) => path.join(data.dir, file))];

  progress('starting Oxigraph (load into an in-memory store, then a 127.0.0.1 SPARQL endpoint)');
  let oxigraph = await startOxigraph(files);
  const oxigraphEndpoint = oxigraph.endpoint;
  restartOxigraph = async () => {
    await stop(oxigraph.child);
    const again = await startOxigraph(files);
    oxigraphEndpoint.origin = again.endpoint.origin;
    oxigraphEndpoint.sparql = again.endpoint.sparql;
    oxigraph = { ...again, endpoint: oxigraphEndpoint };
  };
  // The load figures are the first start's; a restart only serves the remaining queries.
  const oxigraphLoad = oxigraph;
  progress(`Oxigraph loaded ${oxigraph.triples} triples in ${fmtMs(oxigraph.loadMs)}, ${Math.round(oxigraph.rssMb)} MB resident`);

  progress(`starting casegraph serve (DATA_DIRS=${path.relative(projectRoot, data.dir)}, load capped at ${loadCapMs / 1000} s)`);
  // A snapshot folder of the run's own: the first start is cold (it parses, then writes the snapshot), the second
  // restarts from that snapshot; the queries then run on the restarted server.
  const snapshotDir = mkdtempSync(path.join(os.tmpdir(), 'casegraph-bench-snapshot-'));
  const started = await startCasegraph(data.dir, snapshotDir);
  const cold = 'failed' in started ? undefined : started;
  if (cold === undefined) progress(`casegraph did not start: ${'failed' in started ? started.failed : ''}`);
  else
    progress(`casegraph ready (first ASK {} answered) after ${fmtMs(cold.readyMs)}, ${Math.round(cold.rssMb)} MB resident (peak ${Math.round(cold.hwmMb)} MB)`);
  let casegraph = cold;
  let fromSnapshot: Started | undefined;
  if (cold !== undefined) {
    await stop(cold.child);
    progress('restarting casegraph from the snapshot the cold start wrote');
    const again = await startCasegraph(data.dir, snapshotDir);
    if ('failed' in again) throw new Error(`casegraph did not restart from its snapshot: ${again.failed}`);
    fromSnapshot = again;
    casegraph = again;
    progress(`casegraph ready from the snapshot after ${fmtMs(again.readyMs)}, ${Math.round(again.rssMb)} MB resident`);
  }

  try {
    if (casegraph !== undefined && casegraph.triples !== oxigraph.triples) {
      progress(`note: casegraph counts ${casegraph.triples} triples, Oxigraph ${oxigraph.triples}`);
    }
    const research = loadOnly ? [] : await runResearchQueries(casegraph?.endpoint, oxigraph.endpoint);
    const saved = casegraph === undefined || loadOnly ? undefined : await runSavedQueries(casegraph, oxigraph.endpoint, data);

    const throughput: Throughput[] = [];
    const person = data.samples.personIds[1] ?? 'syn-000001';
    const oneSubject = `SELECT ?p ?o WHERE { <${abs(`id/person/${person}`)}> ?p ?o }`;
    if (casegraph !== undefined && saved !== undefined) {
      const origin = casegraph.endpoint.origin;
      throughput.push(await cannon('casegraph entity page (HTML)', `${origin}/id/person/${person}`, { headers: { accept: 'text/html' } }, casegraph.endpoint));
      throughput.push(
        await cannon('casegraph person JSON-LD', `${origin}/api/persons/${person}`, { headers: { accept: 'application/ld+json' } }, casegraph.endpoint),
      );
      throughput.push(await cannon('casegraph saved query persons/timeline', `${origin}${saved.sample.path}`, {}, casegraph.endpoint));
      throughput.push(
        await cannon(
          'casegraph one-subject SPARQL',
          `${origin}/sparql?${new URLSearchParams({ query: oneSubject }).toString()}`,
          { headers: { accept: 'application/sparql-results+json' } },
          casegraph.endpoint,
        ),
      );
    }
    if (casegraph !== undefined) await ask(casegraph.endpoint.sparql);
    if (!loadOnly)
      throughput.push(await cannon('Oxigraph one-subject SPARQL', `${oxigraph.endpoint.sparql}?${new URLSearchParams({ query: oneSubject }).toString()}`));
    if (saved !== undefined) {
      throughput.push(
        await cannon('Oxigraph persons/timeline SPARQL', oxigraph.endpoint.sparql, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ query: saved.sample.sparql }).toString(),
        }),
      );
    }

    const replacements: number[] = [];
    if (casegraph !== undefined && !loadOnly) {
      for (let round = 0; round < replacementRounds; round++) {
        replacements.push(await replacementMs(casegraph.endpoint, data));
        progress(`worker replacement: ASK {} answered ${fmtMs(replacements.at(-1))} after the timed-out queries' 503`);
      }
    }

    const results = {
      date: new Date().toISOString(),
      size,
      quick,
      loadOnly,
      machine: {
        nproc: os.availableParallelism(),
        node: process.version,
        loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
        totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
      },
      data: { triples: data.triples, cases: data.cases, files: data.files.length },
      load: {
        casegraph:
          cold === undefined
            ? { failed: 'failed' in started ? started.failed : '' }
            : { healthMs: cold.healthMs, readyMs: cold.readyMs, rssMb: cold.rssMb, hwmMb: cold.hwmMb, triples: cold.triples },
        casegraphFromSnapshot:
          fromSnapshot === undefined ? undefined : { healthMs: fromSnapshot.healthMs, readyMs: fromSnapshot.readyMs, rssMb: fromSnapshot.rssMb },
        oxigraph: {
          loadMs: oxigraphLoad.loadMs ?? Number.NaN,
          readyMs: oxigraphLoad.readyMs,
          rssMb: oxigraphLoad.rssMb,
          hwmMb: oxigraphLoad.hwmMb,
          triples: oxigraphLoad.triples,
        },
      },
      research,
      saved: saved?.rows ?? [],
      throughput,
      replacementMs: replacements,
    };
    const markdown = report(results);
    console.log(`\n${markdown}`);
    const dir = path.join(projectRoot, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const stem = path.join(dir, `${results.date.slice(0, 10)}-${size}${loadOnly ? '-load' : ''}${quick ? '-quick' : ''}`);
    writeFileSync(`${stem}.json`, `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(`${stem}.md`, markdown);
    progress(`wrote ${path.relative(projectRoot, stem)}.{json,md}`);

    const disagreeing = [...research, ...(saved?.rows ?? [])].filter((row) => row.agree === false);
    if (disagreeing.length > 0) throw new Error(`row counts differ from Oxigraph's for ${disagreeing.map((row) => row.query).join(', ')}`);
    if (casegraph === undefined && size !== '1m') throw new Error(`casegraph did not start at ${size}`);
  } finally {
    if (casegraph !== undefined) await stop(casegraph.child);
    await stop(oxigraph.child);
    rmSync(snapshotDir, { recursive: true, force: true });
  }
}

interface Results {
  date: string;
  size: string;
  quick: boolean;
  loadOnly: boolean;
  machine: { nproc: number; node: string; loadAverage: number[]; totalMemoryMb: number };
  data: { triples: number; cases: number; files: number };
  load: {
    casegraph: { healthMs: number; readyMs: number; rssMb: number; hwmMb: number; triples: number } | { failed: string };
    /** The restart that read the cold start's snapshot instead of parsing. */
    casegraphFromSnapshot?: { healthMs: number; readyMs: number; rssMb: number };
    oxigraph: { loadMs: number; readyMs: number; rssMb: number; hwmMb: number; triples: number };
  };
  research: QueryRow[];
  saved: QueryRow[];
  throughput: Throughput[];
  replacementMs: number[];
}

/** The Markdown table: casegraph beside Oxigraph, the ratio, and the issue's target where it states one. */
function report(r: Results): string {
  const cg = 'failed' in r.load.casegraph ? undefined : r.load.casegraph;
  const ox = r.load.oxigraph;
  const lines = [
    `## ${r.size} triples (${r.data.triples} generated, ${r.data.cases} cases)${r.quick ? ', quick run' : ''}${r.loadOnly ? ', load and memory only' : ''}: ${r.date}`,
    '',
    `Machine: ${r.machine.nproc} cores, Node ${r.machine.node}, load average ${r.machine.loadAverage.join(' / ')}, ${r.machine.totalMemoryMb} MB RAM. Warm = median of up to ${warmRuns} runs after the cold one (fewer once a query has taken ${budgetMs / 1000} s in all); HTTP: autocannon, ${connections} connections, ${cannonSeconds} s.`,
    '',
    '| | casegraph | Oxigraph | casegraph / Oxigraph | target |',
    '|---|---|---|---|---|',
  ];
  const row = (what: string, a: string, b: string, ratioText: string, target = ''): void => {
    lines.push(`| ${what} | ${a} | ${b} | ${ratioText} | ${target} |`);
  };
  if (cg === undefined)
    row(
      'ready to answer',
      `**did not start**: ${'failed' in r.load.casegraph ? r.load.casegraph.failed.replace(/\|/g, '/') : ''}`,
      fmtMs(ox.loadMs),
      '–',
      '1M: ≤ 10 s, ≤ 3x Oxigraph',
    );
  else {
    row('load: /health 200 (casegraph) / store.load (Oxigraph)', fmtMs(cg.healthMs), fmtMs(ox.loadMs), ratio(cg.healthMs, ox.loadMs));
    row(
      'ready: first `ASK {}` answered (casegraph, from spawn) / endpoint listening (Oxigraph, from spawn)',
      fmtMs(cg.readyMs),
      fmtMs(ox.readyMs),
      ratio(cg.readyMs, ox.readyMs),
      '1M: ≤ 10 s cold, ≤ 3x Oxigraph load',
    );
    const snap = r.load.casegraphFromSnapshot;
    if (snap !== undefined)
      row(
        'ready from the snapshot: first `ASK {}` answered after a restart with unchanged data (casegraph) / Oxigraph load',
        fmtMs(snap.readyMs),
        fmtMs(ox.loadMs),
        ratio(snap.readyMs, ox.loadMs),
        '1M: ≤ 2 s from a snapshot',
      );
    row(
      'resident memory when ready (VmRSS, threads included)',
      `${Math.round(cg.rssMb)} MB`,
      `${Math.round(ox.rssMb)} MB`,
      ratio(cg.rssMb, ox.rssMb),
      '1M: ≤ 2 GB',
    );
    row('peak resident memory (VmHWM)', `${Math.round(cg.hwmMb)} MB`, `${Math.round(ox.hwmMb)} MB`, ratio(cg.hwmMb, ox.hwmMb));
    row('triples loaded (ontology and shapes included)', String(cg.triples), String(ox.triples), '');
  }
  const queryRows = (kind: string, rows: readonly QueryRow[], target: string): void => {
    for (const q of rows) {
      const counts =
        q.casegraph === undefined
          ? `– / ${q.expectedRows} rows`
          : q.casegraph.pastDeadline === true
            ? `casegraph **503 past its deadline** / ${q.expectedRows} rows`
            : `${q.casegraph.rows} / ${q.expectedRows} rows${q.agree === false ? ' **DIFFER**' : ''}${q.casegraph.truncated ? ' (truncated)' : ''}`;
      row(
        `${kind} \`${q.query}\` cold / warm (${counts})`,
        q.casegraph === undefined ? '–' : `${fmtMs(q.casegraph.coldMs)} / ${fmtMs(q.casegraph.warmMs)}`,
        q.oxigraph.pastDeadline === true ? `**over ${oxigraphCapMs / 1000} s** (cancelled)` : `${fmtMs(q.oxigraph.coldMs)} / ${fmtMs(q.oxigraph.warmMs)}`,
        ratio(q.casegraph?.warmMs, q.oxigraph.warmMs),
        target,
      );
    }
  };
  queryRows('research', r.research, '1M: warm ≤ 5x');
  queryRows('saved', r.saved, '1M: cold < 1 s');
  const by = (target: string): Throughput | undefined => r.throughput.find((t) => t.target === target);
  const oxOne = by('Oxigraph one-subject SPARQL');
  const oxTimeline = by('Oxigraph persons/timeline SPARQL');
  for (const t of r.throughput) {
    if (t.target.startsWith('Oxigraph')) continue;
    const against = t.target.includes('saved query') ? oxTimeline : oxOne;
    const target = t.target.includes('saved query') ? '100k: ≥ 5x (cached)' : t.target.includes('SPARQL') ? '' : '100k: ≥ 20,000 req/s and ≥ 1.5x (cached)';
    row(
      `${t.target} vs ${against?.target ?? '–'}: req/s (p50 / p99)${t.non2xx ? `, ${t.non2xx} failed` : ''}`,
      `${Math.round(t.requestsPerSecond)} (${t.p50Ms} / ${t.p99Ms} ms)`,
      against === undefined ? '–' : `${Math.round(against.requestsPerSecond)} (${against.p50Ms} / ${against.p99Ms} ms)`,
      ratio(t.requestsPerSecond, against?.requestsPerSecond),
      target,
    );
  }
  if (cg === undefined)
    for (const t of r.throughput) row(`${t.target}: req/s (p50 / p99)`, '–', `${Math.round(t.requestsPerSecond)} (${t.p50Ms} / ${t.p99Ms} ms)`, '–');
  if (r.replacementMs.length > 0)
    row(
      `worker replacement: \`ASK {}\` answered after timed-out queries (median of ${r.replacementMs.length})`,
      fmtMs(median(r.replacementMs)),
      '–',
      '–',
      '≤ 250 ms',
    );
  return `${lines.join('\n')}\n`;
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
