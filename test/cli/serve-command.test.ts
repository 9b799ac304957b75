import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/load-config.js';

/** Starts `casegraph serve` as users do (bin/casegraph.js), on a free loopback port. */
function serve(env: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(projectRoot, 'bin/casegraph.js'), 'serve'], {
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
