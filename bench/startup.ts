// Measures server startup: from spawning `node bin/casegraph.js serve` to the first answer on /health, median of several runs.
// Run: npx tsx bench/startup.ts [RUNS] [CHECKOUT ...]   (several checkouts are run in turn, interleaved, so a noisy machine hits all alike)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../src/config/load-config.js';
import { freePort } from './free-port.js';

const runs = Number(process.argv[2] ?? 7);
const checkouts = process.argv.length > 3 ? process.argv.slice(3).map((dir) => path.resolve(dir)) : [projectRoot];

async function startupMs(checkout: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(checkout, 'bin/casegraph.js'), 'serve'], {
    cwd: checkout,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`serve exited with ${code}`))));
  try {
    for (;;) {
      const answered = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (answered) return performance.now() - started;
      await Promise.race([new Promise((resolve) => setTimeout(resolve, 10)), exited]);
    }
  } finally {
    // The exit is awaited below when it matters; here only an unhandled rejection is prevented.
    exited.catch(() => undefined);
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    }
  }
}

const times = new Map<string, number[]>(checkouts.map((checkout) => [checkout, []]));
for (let run = 0; run < runs; run++) {
  for (const checkout of checkouts) times.get(checkout)?.push(await startupMs(checkout));
}
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const at = (i: number): number => sorted[i] ?? Number.NaN;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
};
for (const [checkout, values] of times) {
  console.log(JSON.stringify({ checkout, runs: values.map(Math.round), medianMs: Math.round(median(values)) }));
}
