// casegraph load --to sparql: a load stopped half-way leaves the served version whole; replicas over one store agree.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/app.js';
import { loadConfig, projectRoot, type Config } from '../../../src/config/load-config.js';
import { loadIntoSparql, openStore } from '../../../src/backends/open-store.js';
import type { GraphStore } from '../../../src/store/graph-store.js';
import { startVirtuoso, virtuosoConfig, virtuosoMissing, type PrivateVirtuoso } from '../../helpers/private-virtuoso.js';

const missing = virtuosoMissing();
const bin = path.join(projectRoot, 'bin/casegraph.js');

/** A folder with one Turtle file that states nothing: served beside data/, it makes a new dataset version. */
function extraFolder(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `casegraph-${name}-`));
  writeFileSync(path.join(dir, `${name}.ttl`), `# test fixture: makes dataset version "${name}" differ; it states nothing\n`);
  return dir;
}

/** Runs the CLI's load; with `killAt`, kills it (SIGKILL) as soon as its progress shows that line. */
function runLoad(
  virtuoso: PrivateVirtuoso,
  dataDirs: string,
  killAt?: RegExp,
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'load', '--to', 'sparql'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        DATA_DIRS: dataDirs,
        SPARQL_QUERY_URL: virtuoso.queryUrl,
        SPARQL_UPDATE_URL: virtuoso.updateUrl,
        SPARQL_USER: 'dba',
        SPARQL_PASSWORD: 'dba',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (killAt?.test(stderr)) child.kill('SIGKILL');
    });
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe.skipIf(missing !== undefined)('loading a SPARQL store', () => {
  let virtuoso: PrivateVirtuoso;
  let config: Config;
  let first: GraphStore;
  let firstApp: FastifyInstance;
  const folders: string[] = [];
  const opened: Array<{ close(): Promise<void> }> = [];

  const app = async (store: GraphStore): Promise<FastifyInstance> => {
    const built = buildApp({ store, config: virtuosoConfig(config, virtuoso) });
    await built.ready();
    opened.push(built);
    return built;
  };

  beforeAll(async () => {
    config = loadConfig({}, { workers: 1 });
    virtuoso = await startVirtuoso();
    await loadIntoSparql(virtuosoConfig(config, virtuoso));
    first = await openStore(virtuosoConfig(config, virtuoso));
    firstApp = await app(first);
  }, 600_000);

  afterAll(async () => {
    for (const o of opened) await o.close();
    await virtuoso?.stop();
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  describe('a load killed half-way', () => {
    it('leaves the version served before whole and served, and a second run finishes it', async () => {
      const before = await firstApp.inject({ url: '/api/queries/persons/list' });
      const extra = extraFolder('second');
      folders.push(extra);
      const killed = await runLoad(virtuoso, `data,${extra}`, /graph 3\//);
      expect(killed.signal, killed.stderr).toBe('SIGKILL');
      expect(killed.stderr).toMatch(/^valid: /m);

      // A replica starting now still finds the first version, every graph of it.
      const restarted = await openStore(virtuosoConfig(config, virtuoso));
      expect(restarted.version).toBe(first.version);
      expect(restarted.size).toBe(first.size);
      const after = await (await app(restarted)).inject({ url: '/api/queries/persons/list' });
      expect(after.body).toBe(before.body);
      expect(after.headers.etag).toBe(before.headers.etag);

      const finished = await runLoad(virtuoso, `data,${extra}`);
      expect(finished.code, finished.stderr).toBe(0);
      expect(finished.stdout).toMatch(new RegExp(`^loaded dataset version \\w+: \\d+ graphs, \\d+ quads \\(replacing ${first.version}\\)`));
      const second = await openStore(virtuosoConfig(config, virtuoso));
      expect(second.version).not.toBe(first.version);
      expect(second.graphs.map((g) => g.file)).toContain(`${path.basename(extra)}/second.ttl`);
      // The replica still on the first version keeps answering from it until it restarts.
      expect((await firstApp.inject({ url: '/api/queries/persons/list' })).body).toBe(before.body);

      const again = await runLoad(virtuoso, `data,${extra}`);
      expect(again.code).toBe(0);
      expect(again.stdout).toBe(`dataset version ${second.version} is already served; nothing loaded\n`);
    }, 600_000);
  });

  describe('two replicas over the same store', () => {
    it('answer identically, with identical ETags', async () => {
      const [a, b] = [await app(await openStore(virtuosoConfig(config, virtuoso))), await app(await openStore(virtuosoConfig(config, virtuoso)))];
      for (const url of [
        '/id/person/gulmire-imin.html',
        '/api/persons/gulmire-imin/claims',
        '/api/tables/events.csv',
        '/.well-known/void',
        '/dumps/casegraph.nq',
      ]) {
        const [x, y] = [await a.inject({ url }), await b.inject({ url })];
        expect(x.statusCode, url).toBe(200);
        expect(y.body, url).toBe(x.body);
        expect(y.headers.etag, url).toBe(x.headers.etag);
      }
    }, 300_000);
  });

  describe('a third version', () => {
    it('drops the versions before the one it replaces', async () => {
      const extra = extraFolder('third');
      folders.push(extra);
      const report = await loadIntoSparql({ ...virtuosoConfig(config, virtuoso), dataDirs: [...config.dataDirs, extra] });
      expect(report.loaded).toBe(true);
      expect(report.dropped).toEqual([first.version]);
      const left = await virtuoso.isql(
        `SPARQL SELECT COUNT(*) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "${config.baseIri}store/${first.version}/")) };`,
      );
      expect(left).toMatch(/^\s*0\s*$/m);
    }, 300_000);
  });

  describe('wrong credentials for the update endpoint', () => {
    it('fail the load with a message that holds neither the password nor the address, and change nothing', async () => {
      const secret = 'not-the-password-5f3a';
      const settings = virtuosoConfig(config, virtuoso);
      const extra = extraFolder('refused');
      folders.push(extra);
      const attempt = loadIntoSparql({ ...settings, dataDirs: [...config.dataDirs, extra], sparql: { ...settings.sparql!, password: secret } });
      const error = (await attempt.catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(/refused the credentials/);
      expect(error.message).not.toContain(secret);
      expect(error.message).not.toContain('127.0.0.1');
      const served = await openStore(settings);
      expect(served.graphs.map((g) => g.file)).not.toContain(`${path.basename(extra)}/refused.ttl`);
    }, 300_000);
  });

  describe('a store with no casegraph dataset', () => {
    it('stops startup saying how to load one', async () => {
      const empty = await startVirtuoso();
      try {
        await expect(openStore(virtuosoConfig(config, empty))).rejects.toThrow(/holds no casegraph dataset .*casegraph load --to sparql/);
      } finally {
        await empty.stop();
      }
    }, 300_000);
  });
});
