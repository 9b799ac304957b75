// Settings from the environment, checked once at startup; a bad value stops the process naming the variable.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors/casegraph-error.js';
import { defaultBaseIri } from '../vocabulary/namespaces.js';

export interface Config {
  /** Base of every casegraph IRI; ends with '/'. */
  readonly baseIri: string;
  readonly host: string;
  readonly port: number;
  /** Project root holding ontology/, data/ and queries/. */
  readonly root: string;
  /** Folders (relative to root) whose Turtle/TriG files make up the dataset. */
  readonly dataDirs: readonly string[];
  /** Server-side deadline for one query, in milliseconds; clients may lower it, never raise it. */
  readonly queryTimeoutMs: number;
  /** Most rows (SELECT) or triples (CONSTRUCT/DESCRIBE) one answer may carry. */
  readonly maxResults: number;
  /** Query worker threads. */
  readonly workers: number;
  /** Heap limit of one query worker, in MiB: a query that needs more is stopped, its worker replaced. */
  readonly queryMemoryMb: number;
  /** Memory for cached answers, in MiB; 0 turns the response cache off. */
  readonly cacheMb: number;
}

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const defaultConfig: Config = {
  baseIri: defaultBaseIri,
  host: '127.0.0.1',
  port: 3000,
  root: projectRoot,
  dataDirs: ['ontology', 'data'],
  queryTimeoutMs: 30_000,
  maxResults: 10_000,
  workers: Math.max(1, os.availableParallelism()),
  queryMemoryMb: 1024,
  cacheMb: 256,
};

type Env = Readonly<Record<string, string | undefined>>;

/** Reads BASE_IRI, HOST, PORT, QUERY_TIMEOUT_MS, MAX_RESULTS, QUERY_WORKERS, QUERY_MEMORY_MB and CACHE_MB; overrides win over both. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const config: Config = {
    ...defaultConfig,
    baseIri: env.BASE_IRI !== undefined ? checkBaseIri(env.BASE_IRI) : defaultConfig.baseIri,
    // Empty counts as unset, as for the numbers: `HOST=` must not mean every interface.
    host: env.HOST === undefined || env.HOST.trim() === '' ? defaultConfig.host : env.HOST.trim(),
    port: integer(env, 'PORT', defaultConfig.port, 0, 65535),
    queryTimeoutMs: integer(env, 'QUERY_TIMEOUT_MS', defaultConfig.queryTimeoutMs, 1, 3_600_000),
    maxResults: integer(env, 'MAX_RESULTS', defaultConfig.maxResults, 1, 10_000_000),
    workers: integer(env, 'QUERY_WORKERS', defaultConfig.workers, 1, 256),
    queryMemoryMb: integer(env, 'QUERY_MEMORY_MB', defaultConfig.queryMemoryMb, 128, 65_536),
    cacheMb: integer(env, 'CACHE_MB', defaultConfig.cacheMb, 0, 65_536),
    ...overrides,
  };
  checkBaseIri(config.baseIri);
  return config;
}

function checkBaseIri(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`BASE_IRI must be an absolute http(s) IRI, got ${JSON.stringify(value)}`);
  }
  if (!/^https?:$/.test(url.protocol) || !value.endsWith('/') || url.search || url.hash) {
    throw new ConfigError(`BASE_IRI must be an http(s) IRI ending in '/', without query or fragment, got ${JSON.stringify(value)}`);
  }
  return value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got ${JSON.stringify(raw)}`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}
