// Measures dataset loading at 100k and 1M synthetic triples (read+hash, parse, peak RSS) and an index snapshot's write and read at ~70 MB.
// Run: npx tsx bench/load-dataset.ts [TRIPLES ...]   (default 100000 1000000; each size runs in a fresh process so peak RSS is its own)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFactory } from 'n3';
import { parseFile, readDataset } from '../src/dataset/read-dataset.js';
import { readSnapshot, snapshotFile, writeSnapshot } from '../src/backends/local/index-snapshot.js';

const synthetic = 'https://example.org/synthetic/';
const baseIri = 'https://example.org/synthetic-base/';
const triplesPerPerson = 12;
const personsPerFile = 1000;

/** Writes `triples` (rounded to whole persons) as Turtle, 1,000 persons a file, like a case database split by batch. */
function generate(root: string, triples: number): number {
  const persons = Math.ceil(triples / triplesPerPerson);
  mkdirSync(path.join(root, 'data'), { recursive: true });
  let written = 0;
  for (let first = 0; first < persons; first += personsPerFile) {
    const lines = [`@prefix s: <${synthetic}> .`, `@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .`, ''];
    for (let i = first; i < Math.min(persons, first + personsPerFile); i++) {
      lines.push(
        `s:person${i} a s:Person ; s:name "Person ${i}" ; s:nameNative "人物 ${i}"@zh ; s:born "${1940 + (i % 60)}-01-0${1 + (i % 9)}"^^xsd:date ;`,
        `  s:region s:region${i % 37} ; s:case s:case${i} ; s:note "Synthetic person number ${i}, detained for writing."@en .`,
        `s:case${i} a s:Case ; s:sentenceYears ${i % 25} ; s:charge s:charge${i % 11} ; s:source [ s:url "https://example.org/synthetic/source/${i}" ] .`,
      );
      written += triplesPerPerson;
    }
    writeFileSync(path.join(root, 'data', `batch-${String(first / personsPerFile).padStart(5, '0')}.ttl`), `${lines.join('\n')}\n`);
  }
  return written;
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(2)} s`;
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function child(triples: number, mode: string): void {
  const root = mkdtempSync(path.join(tmpdir(), 'casegraph-bench-load-'));
  try {
    const count = generate(root, triples);
    const bytes = statSync(path.join(root, 'data')).isDirectory() ? duSync(root) : 0;
    const rssBefore = peakRssMb();
    let t = performance.now();
    const dataset = readDataset({ root, dirs: ['data'], baseIri });
    const readHash = seconds(t);
    t = performance.now();
    let quads = 0;
    if (mode === 'wrapper') {
      for (const quad of dataset.quads()) if (quad.graph.termType === 'NamedNode') quads++;
    } else {
      // The earlier way, for comparison: parse into the default graph, then copy each quad into the file's graph.
      for (const file of dataset.files) {
        const graph = DataFactory.namedNode(`${baseIri}graph/${file}`);
        const text = readFileSync(path.join(root, file), 'utf8');
        for (const q of parseFile(file, text, baseIri)) if (DataFactory.quad(q.subject, q.predicate, q.object, graph).graph === graph) quads++;
      }
    }
    const parse = seconds(t);
    console.log(
      `${triples.toLocaleString('en-US')} triples (${count.toLocaleString('en-US')} generated, ${dataset.files.length} files, ${bytes} MB), ${mode}: ` +
        `read+hash ${readHash}, parse ${parse} (${quads.toLocaleString('en-US')} quads), peak RSS ${peakRssMb()} MB (${rssBefore} MB after generating)`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function duSync(root: string): number {
  return Math.round(Number(spawnSync('du', ['-sk', root], { encoding: 'utf8' }).stdout.split('\t')[0]) / 1024);
}

function snapshotBench(): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'casegraph-bench-snapshot-'));
  try {
    // About the 1M-triple index: a term dictionary and three sorted quad tables (sizes from the probe, 66 bytes a triple).
    const sizes = { termBytes: 22e6, termOffsets: 4e6, termHash: 8e6, spo: 12e6, pos: 12e6, osp: 12e6 };
    const buffers: Record<string, SharedArrayBuffer> = {};
    for (const [name, size] of Object.entries(sizes)) {
      const buffer = new SharedArrayBuffer(size);
      const bytes = new Uint8Array(buffer);
      for (let i = 0; i < size; i += 97) bytes[i] = i & 0xff;
      buffers[name] = buffer;
    }
    const file = snapshotFile(dir, '0123456789abcdef');
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    const runs: string[] = [];
    for (let run = 0; run < 3; run++) {
      let t = performance.now();
      writeSnapshot(file, { version: '0123456789abcdef', meta: { quads: 1_000_000 }, buffers });
      const write = seconds(t);
      t = performance.now();
      const read = readSnapshot(file, '0123456789abcdef', { log: console.log });
      const readTime = seconds(t);
      if (!read) throw new Error('snapshot did not read back');
      runs.push(`write ${write}, read+verify ${readTime}`);
    }
    console.log(`snapshot of ${(total / 1e6).toFixed(0)} MB in ${Object.keys(sizes).length} buffers: ${runs.join('; ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [, , first, ...rest] = process.argv;
if (first === '--child') {
  const [size, mode] = rest;
  if (size === 'snapshot') snapshotBench();
  else child(Number(size), mode ?? 'wrapper');
} else {
  const sizes = [first, ...rest].filter((s): s is string => s !== undefined).map(Number);
  const self = fileURLToPath(import.meta.url);
  console.log(`Node ${process.version}`);
  for (const size of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
    for (const mode of ['wrapper', 'copy']) {
      spawnSync(process.execPath, ['--import', 'tsx', self, '--child', String(size), mode], { stdio: 'inherit' });
    }
  }
  spawnSync(process.execPath, ['--import', 'tsx', self, '--child', 'snapshot'], { stdio: 'inherit' });
}
