// A loopback port that was free a moment ago, for the benches that start a server and poll it.
import { createServer } from 'node:net';

/** The server is told the port, so the clock can start polling before the server says anything. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}
