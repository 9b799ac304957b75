// Preloaded into the server by the load test (node --import): each 100 ms, one JSON line to EVENT_LOOP_PROBE_FILE with the request thread's worst event-loop delay, its run and run-queue wait time and its longest GC pause.
// Bench only, never part of the server: it tells a stalled request thread (it ran, busy) from a starved one (it waited for a CPU).
import diagnosticsChannel from 'node:diagnostics_channel';
import { appendFileSync, readFileSync } from 'node:fs';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.EVENT_LOOP_PROBE_FILE;
if (file) {
  // The main thread's task id is the process id; schedstat holds its time on a CPU and its time runnable but waiting for one (ns).
  const schedstat = `/proc/${process.pid}/task/${process.pid}/schedstat`;
  const readSched = () => {
    try {
      const [run, wait] = readFileSync(schedstat, 'utf8').split(' ').map(Number);
      return { run, wait };
    } catch {
      return { run: Number.NaN, wait: Number.NaN };
    }
  };
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  // Garbage collection pauses the request thread while it runs: the longest in each window.
  let gcMs = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs = Math.max(gcMs, entry.duration);
  }).observe({ entryTypes: ['gc'] });
  let last = readSched();
  let lastAt = performance.now();
  const timer = setInterval(() => {
    const now = readSched();
    const at = performance.now();
    const line = {
      // Wall clock, so the load test can line these up with its own /health probes.
      at: Date.now(),
      windowMs: Math.round(at - lastAt),
      maxDelayMs: Math.round(delay.max / 1e6),
      runMs: Math.round((now.run - last.run) / 1e6),
      waitMs: Math.round((now.wait - last.wait) / 1e6),
      gcMs: Math.round(gcMs),
    };
    gcMs = 0;
    delay.reset();
    last = now;
    lastAt = at;
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }, 100);
  timer.unref();
  // Each /health request: when the server began reading it and how long until its answer was written.
  /** @type {WeakMap<import('node:http').IncomingMessage, { at: number, t: number }>} */
  const started = new WeakMap();
  /** @param {unknown} message */
  const requestOf = (message) => /** @type {{ request: import('node:http').IncomingMessage }} */ (message).request;
  diagnosticsChannel.subscribe('http.server.request.start', (message) => {
    const request = requestOf(message);
    if (request.url === '/health') started.set(request, { at: Date.now(), t: performance.now() });
  });
  diagnosticsChannel.subscribe('http.server.response.finish', (message) => {
    const start = started.get(requestOf(message));
    if (start) appendFileSync(file, `${JSON.stringify({ health: true, at: start.at, serverMs: Math.round(performance.now() - start.t) })}\n`);
  });
}
