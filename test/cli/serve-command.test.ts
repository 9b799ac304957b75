import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/load-config.js';

/** Starts `casegraph serve` as users do (bin/casegraph.js), on a free loopback port. */
function serve(env: Record<string, string>, args: readonly string[] = []) {
  const child = spawn(process.execPath, [path.join(projectRoot, 'bin/casegraph.js'), 'serve', ...args], {
    cwd: projectRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', QUERY_WORKERS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => void (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    const check = (): void => {
      const url = /at (http:\/\/127\.0\.0\.1:\d+)\/sparql/.exec(out)?.[1];
      if (url) resolve(url);
    };
    child.stdout.on('data', check);
    void exited.then((code) => reject(new Error(`serve exited with ${code} before it was ready: ${err}`)));
  });
  // Tests of failed startups await `exited`, not `ready`: its rejection is expected there.
  ready.catch(() => undefined);
  return { child, ready, exited, output: () => ({ out, err }) };
}

describe('casegraph serve', () => {
  it('announces its URL, answers, and exits 0 after SIGTERM once the store is closed', async () => {
    const server = serve({});
    const url = await server.ready;
    const health = (await (await fetch(`${url}/health`)).json()) as { status: string; triples: number };
    expect(health.status).toBe('ready');
    expect(health.triples).toBeGreaterThan(0);
    const ask = await fetch(`${url}/sparql?query=${encodeURIComponent('ASK { ?s ?p ?o }')}`);
    expect(await ask.json()).toEqual({ head: {}, boolean: true });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output().out).toMatch(/SIGTERM received, shutting down/);
  });

  it('on SIGTERM finishes the request it is running with 200, then exits 0', async () => {
    // 600 triples of one property: counting their cross product (360 000 rows) keeps a worker busy for a while.
    const folder = mkdtempSync(path.join(tmpdir(), 'casegraph-shutdown-'));
    const triples = Array.from({ length: 600 }, (_, i) => `<http://example.test/s${i}> <http://example.test/p> ${i} .`);
    writeFileSync(path.join(folder, 'slow.ttl'), `${triples.join('\n')}\n`);
    try {
      const server = serve({ LOG_LEVEL: 'info', QUERY_TIMEOUT_MS: '600000', CACHE_MB: '0' }, ['--data', folder]);
      const url = await server.ready;
      const query = 'SELECT (COUNT(*) AS ?n) WHERE { ?a <http://example.test/p> ?c . ?d <http://example.test/p> ?f }';
      let answeredAt = 0;
      const answer = fetch(`${url}/sparql?query=${encodeURIComponent(query)}`).then(async (res) => {
        answeredAt = performance.now();
        return { status: res.status, body: (await res.json()) as { results: { bindings: Array<{ n: { value: string } }> } } };
      });
      // The signal goes once the server has logged the request as received (JSON lines on stderr), so it is in flight.
      while (!server.output().err.includes('"incoming request"')) await new Promise((resolve) => setTimeout(resolve, 10));
      server.child.kill('SIGTERM');
      const signalledAt = performance.now();
      const { status, body } = await answer;
      expect(status).toBe(200);
      expect(body.results.bindings[0]?.n.value).toBe('360000');
      // Answered after the signal: the shutdown waited for it.
      expect(answeredAt).toBeGreaterThan(signalledAt);
      expect(await server.exited).toBe(0);
      expect(server.output().out).toMatch(/SIGTERM received, shutting down/);
      expect(server.output().err).toMatch(/"query answered"/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it('exits 0 after SIGINT (Ctrl-C) too', async () => {
    const server = serve({});
    await server.ready;
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
  });

  it('stops at startup naming a bad setting', async () => {
    const server = serve({ PORT: 'eighty' });
    expect(await server.exited).toBe(1);
    expect(server.output().err).toMatch(/PORT must be a whole number/);
  });

  it('stops at startup, closing what it opened, when the port is taken', async () => {
    const first = serve({});
    const url = await first.ready;
    const second = serve({ PORT: new URL(url).port });
    expect(await second.exited).toBe(1);
    expect(second.output().err).toMatch(/cannot listen on 127\.0\.0\.1:\d+: EADDRINUSE/);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });
});
