// Measures the shared quad index against an N3 store on synthetic quads: build time, memory, match latency, two SPARQL shapes, worker ready and replacement.
// Run: npx tsx bench/quad-index.ts [TRIPLES ...]   (default 100000; each size and store kind in a child process of its own, so memory figures do not mix)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DataFactory, Store } from 'n3';
import type { Quad, Source } from '@rdfjs/types';
import { buildQuadIndex } from '../src/backends/local/build-quad-index.js';
import { QuadIndex } from '../src/backends/local/quad-index.js';
import { QuadIndexSource } from '../src/backends/local/quad-index-source.js';
import { QueryPool } from '../src/backends/local/query-pool.js';
import { QueryRunner } from '../src/engine/query-runner.js';

const ns = 'http://example.test/synthetic/';
const { namedNode, literal, quad, blankNode } = DataFactory;
const ex = (local: string) => namedNode(`${ns}${local}`);

/** About ten quads a person, a hundred people per named graph (one graph per file, as casegraph loads them); deterministic. */
function* syntheticQuads(triples: number): Generator<Quad> {
  const people = Math.ceil(triples / 10);
  for (let i = 0; i < people; i++) {
    const person = ex(`person/${i}`);
    const graph = ex(`graph/${Math.floor(i / 100)}`);
    const detention = blankNode(`d${i}`);
    yield quad(person, ex('type'), ex('Person'), graph);
    yield quad(person, ex('name'), literal(`Person ${i}`, 'en'), graph);
    yield quad(person, ex('born'), literal(String(1950 + (i % 60)), ex('gYear')), graph);
    yield quad(person, ex('knows'), ex(`person/${(i * 7919) % people}`), graph);
    yield quad(person, ex('place'), ex(`place/${i % 500}`), graph);
    yield quad(person, ex('detention'), detention, graph);
    yield quad(detention, ex('start'), literal(`20${String(i % 20).padStart(2, '0')}-01-01`, ex('date')), graph);
    yield quad(detention, ex('prison'), ex(`prison/${i % 300}`), graph);
    yield quad(detention, ex('sentence'), literal(String(i % 25), ex('integer')), graph);
    yield quad(ex(`place/${i % 500}`), ex('label'), literal(`Place ${i % 500}`), graph);
  }
}

const join = `PREFIX ex: <${ns}> SELECT ?p ?n ?q ?m { ?p ex:type ex:Person ; ex:name ?n ; ex:knows ?q . ?q ex:name ?m }`;
const personHop = (i: number) => `PREFIX ex: <${ns}> SELECT * { <${ns}person/${i}> ?p ?o . OPTIONAL { ?o ?p2 ?o2 } }`;

function residentMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().rss / 1048576);
}

async function median(runs: number, task: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(times.length / 2)] as number) * 100) / 100;
}

async function spareReady(pool: QueryPool): Promise<void> {
  while (!pool.hasSpare) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function child(kind: 'n3' | 'index', triples: number): Promise<Record<string, unknown>> {
  const before = residentMb();
  const started = performance.now();
  let source: Source;
  let matchSubject: (i: number) => number;
  const figures: Record<string, unknown> = { kind, triples };
  if (kind === 'n3') {
    const store = new Store();
    for (const q of syntheticQuads(triples)) store.addQuad(q);
    figures.buildMs = Math.round(performance.now() - started);
    figures.quads = store.size;
    source = store;
    matchSubject = (i) => store.getQuads(ex(`person/${i}`), null, null, null).length;
  } else {
    const buffers = buildQuadIndex(syntheticQuads(triples));
    figures.buildMs = Math.round(performance.now() - started);
    const bytes = [buffers.termBytes, buffers.termOffsets, buffers.termHash, ...buffers.orders].reduce((sum, b) => sum + b.byteLength, 0);
    figures.quads = buffers.quadCount;
    figures.terms = buffers.termCount;
    figures.bytesPerQuad = Math.round(bytes / buffers.quadCount);
    const index = QuadIndex.attach(buffers);
    source = new QuadIndexSource(index);
    matchSubject = (i) => index.match(ex(`person/${i}`)).length;
    const poolStarted = performance.now();
    const pool = await QueryPool.start({ size: 1, index: buffers, baseIri: ns });
    figures.workerReadyMs = Math.round(performance.now() - poolStarted);
    await spareReady(pool);
    figures.residentWithWorkerAndSpareMb = residentMb() - before;
    const replacements: number[] = [];
    for (let i = 0; i < 3; i++) {
      await spareReady(pool);
      await pool.run({ query: 'SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }', maxResults: 1 }, 200).catch(() => undefined);
      const killed = performance.now();
      await pool.run({ query: 'ASK {}', maxResults: 1 }, 30_000);
      replacements.push(Math.round(performance.now() - killed));
    }
    figures.replacementMs = replacements;
    await pool.close();
  }
  figures.residentMb = residentMb() - before;
  const people = Math.ceil(triples / 10);
  let probe = 0;
  figures.matchSubjectUs = Math.round((await median(2000, () => matchSubject((probe++ * 104729) % people))) * 1000);
  const runner = new QueryRunner(source, ns);
  await runner.run({ query: 'ASK {}', maxResults: 1 });
  // Whole-graph queries at 1M take many seconds each under Comunica: one run there.
  const runs = triples >= 1_000_000 ? 1 : 5;
  figures.join4Ms = await median(runs, () => runner.run({ query: join, maxResults: Number.MAX_SAFE_INTEGER }));
  figures.personHopMs = await median(9, () => runner.run({ query: personHop((probe++ * 104729) % people), maxResults: 10_000 }));
  figures.countAllMs = await median(runs, () => runner.run({ query: 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }', maxResults: 1 }));
  return figures;
}

if (process.argv[2] === '--child') {
  const figures = await child(process.argv[3] as 'n3' | 'index', Number(process.argv[4]));
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} else {
  const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [100_000];
  for (const triples of sizes) {
    for (const kind of ['index', 'n3']) {
      const output = execFileSync(process.execPath, ['--import', 'tsx', '--expose-gc', fileURLToPath(import.meta.url), '--child', kind, String(triples)], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      process.stdout.write(output);
    }
  }
}
