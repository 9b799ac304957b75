import { connect, type Socket } from 'node:net';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import { startServer, type RunningServer } from '../src/server.js';
import { syntheticBase, writeSyntheticDataset } from './helpers/synthetic-app.js';

let server: RunningServer;
let root: string;
let port: number;
beforeAll(async () => {
  root = writeSyntheticDataset();
  const config = loadConfig(
    { REQUEST_TIMEOUT_MS: '500', MAX_CONNECTIONS: '3', MAX_REQUESTS_PER_SOCKET: '2', KEEP_ALIVE_TIMEOUT_MS: '300' },
    { root, dataDirs: ['data'], baseIri: syntheticBase, workers: 1, port: 0 },
  );
  server = await startServer(config);
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

/** A raw connection on loopback that records what the server sends and when it closes. */
function open(): Promise<{ socket: Socket; received: () => string; closed: Promise<void>; ended: Promise<void> }> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect({ host: '127.0.0.1', port });
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    // The server's end of the connection: it has said all it will.
    const ended = new Promise<void>((done) => socket.on('end', () => done()));
    socket.on('data', (chunk) => void (text += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.once('connect', () => resolve({ socket, received: () => text, closed, ended }));
    socket.once('error', reject);
  });
}

const health = () => fetch(`${server.url}/health`).then((r) => r.status);

describe('a client that trickles its request body', () => {
  it('is answered 408 and cut off once the request deadline passes, while others are served', async () => {
    const slow = await open();
    slow.socket.write(`POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\nContent-Length: 100000\r\n\r\n`);
    const drip = setInterval(() => slow.socket.write('A'), 50);
    try {
      expect(await health()).toBe(200);
      await slow.closed;
    } finally {
      clearInterval(drip);
    }
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
  });
});

describe('more connections than MAX_CONNECTIONS', () => {
  it('closes the ones past the cap without an answer, and serves again once some close', async () => {
    const held = await Promise.all([open(), open(), open()]);
    const extra = await open();
    extra.socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await extra.closed;
    expect(extra.received()).toBe('');
    for (const c of held) c.socket.destroy();
    await Promise.all(held.map((c) => c.closed));
    expect(await health()).toBe(200);
  });
});

describe('a keep-alive connection', () => {
  it('says it will close after MAX_REQUESTS_PER_SOCKET requests, and does once idle for KEEP_ALIVE_TIMEOUT_MS', async () => {
    const c = await open();
    c.socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await c.ended;
    c.socket.destroy();
    const answers = c.received().match(/HTTP\/1\.1 \d+/g) ?? [];
    expect(answers).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200']);
    expect(c.received()).toMatch(/connection: close/i);
  });
});
