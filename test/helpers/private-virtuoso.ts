// Test helper: a private Virtuoso on loopback (own temp database folder, free ports), and the settings to load and serve from it.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Config } from '../../src/config/load-config.js';

const run = promisify(execFile);
const shippedIni = '/etc/virtuoso-opensource-7/virtuoso.ini';

/** Why the Virtuoso tests skip, or undefined when they can run (CI installs virtuoso-opensource). */
export function virtuosoMissing(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (existsSync(path.join(dir, 'virtuoso-t')) && existsSync(path.join(dir, 'isql-vt')) && existsSync(shippedIni)) return undefined;
  }
  return 'virtuoso-t, isql-vt or /etc/virtuoso-opensource-7/virtuoso.ini is missing: install virtuoso-opensource (see .ci/run)';
}

export interface PrivateVirtuoso {
  /** http://127.0.0.1:{port}/sparql */
  readonly queryUrl: string;
  /** http://127.0.0.1:{port}/sparql-auth (HTTP Digest, user dba) */
  readonly updateUrl: string;
  readonly dir: string;
  /** Runs SQL through isql-vt, failing on any error it prints (isql-vt itself exits 0 on SQL errors). */
  isql(sql: string): Promise<string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The shipped virtuoso.ini with the database, log and lock files in `dir` and both ports on loopback. */
function privateIni(dir: string, isqlPort: number, httpPort: number): string {
  let section = '';
  const set: Record<string, Record<string, string>> = {
    Database: {
      DatabaseFile: path.join(dir, 'virtuoso.db'),
      ErrorLogFile: path.join(dir, 'virtuoso.log'),
      LockFile: path.join(dir, 'virtuoso.lck'),
      TransactionFile: path.join(dir, 'virtuoso.trx'),
      xa_persistent_file: path.join(dir, 'virtuoso.pxa'),
    },
    TempDatabase: { DatabaseFile: path.join(dir, 'virtuoso-temp.db'), TransactionFile: path.join(dir, 'virtuoso-temp.trx') },
    Parameters: { ServerPort: `127.0.0.1:${isqlPort}`, DirsAllowed: `., ${dir}, /usr/share/virtuoso-opensource-7/vad`, NumberOfBuffers: '10000' },
    HTTPServer: { ServerPort: `127.0.0.1:${httpPort}` },
  };
  return readFileSync(shippedIni, 'utf8')
    .split('\n')
    .map((line) => {
      const header = /^\[(.+)\]/.exec(line);
      if (header) section = header[1] as string;
      const key = /^\s*([A-Za-z_]+)\s*=/.exec(line)?.[1];
      const value = key !== undefined ? set[section]?.[key] : undefined;
      return value !== undefined ? `${key} = ${value}` : line;
    })
    .join('\n');
}

export async function startVirtuoso(): Promise<PrivateVirtuoso> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casegraph-virtuoso-'));
  const isqlPort = await freePort();
  const httpPort = await freePort();
  const ini = path.join(dir, 'virtuoso.ini');
  writeFileSync(ini, privateIni(dir, isqlPort, httpPort));
  const child: ChildProcess = spawn('virtuoso-t', ['+configfile', ini, '+foreground'], { cwd: dir, stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => (exited = true));
  const queryUrl = `http://127.0.0.1:${httpPort}/sparql`;
  const isql = async (sql: string): Promise<string> => {
    const { stdout } = await run(
      'isql-vt',
      [`127.0.0.1:${isqlPort}`, 'dba', 'dba', 'VERBOSE=OFF', 'BANNER=OFF', 'PROMPT=OFF', 'ERRORS=STDOUT', `exec=${sql}`],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (stdout.includes('*** Error')) throw new Error(`isql-vt: ${stdout.trim()}`);
    return stdout;
  };
  const stop = async (): Promise<void> => {
    if (!exited) {
      await isql('shutdown;').catch(() => undefined);
      const deadline = Date.now() + 15_000;
      while (!exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (!exited) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // It answers about 4 s after starting on an idle machine; a first start on a loaded one (creating its database) took over 3 min here.
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (exited) {
      const log = existsSync(path.join(dir, 'virtuoso.log')) ? readFileSync(path.join(dir, 'virtuoso.log'), 'utf8').slice(-2000) : '';
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`virtuoso-t exited while starting: ${log}`);
    }
    try {
      const response = await fetch(`${queryUrl}?query=${encodeURIComponent('ASK {}')}`, { headers: { accept: 'application/sparql-results+json' } });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('virtuoso-t did not answer within 300 s');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { queryUrl, updateUrl: `http://127.0.0.1:${httpPort}/sparql-auth`, dir, isql, stop };
}

/** Settings for STORE=sparql over this Virtuoso, updates through its Digest-authenticated endpoint as `dba`. */
export function virtuosoConfig(config: Config, virtuoso: PrivateVirtuoso): Config {
  return {
    ...config,
    store: 'sparql',
    sparql: { queryUrl: virtuoso.queryUrl, updateUrl: virtuoso.updateUrl, user: 'dba', password: 'dba', maxBytes: 64 * 1024 * 1024 },
  };
}
