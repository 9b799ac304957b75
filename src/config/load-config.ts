// Settings from the environment, checked once at startup; a bad value stops the process naming the variable.
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors/casegraph-error.js';
import { defaultBaseIri } from '../vocabulary/namespaces.js';

export interface Config {
  /** Base of every casegraph IRI; ends with '/'. */
  readonly baseIri: string;
  /** Where the dataset is published, for citing it (the draft communication's first footnote); BASE_IRI when unset. */
  readonly publicBaseIri: string | undefined;
  readonly host: string;
  readonly port: number;
  /** Project root holding ontology/, data/ and queries/. */
  readonly root: string;
  /** Folders (relative to root, or absolute) whose Turtle/TriG files make up the dataset; the ontology is always first. */
  readonly dataDirs: readonly string[];
  /** Server-side deadline for one query, in milliseconds; clients may lower it, never raise it. */
  readonly queryTimeoutMs: number;
  /** Most rows (SELECT) or triples (CONSTRUCT/DESCRIBE) one answer may carry. */
  readonly maxResults: number;
  /** Query worker threads. */
  readonly workers: number;
  /** Heap limit of one query worker, in MiB: a query that needs more is stopped, its worker replaced. */
  readonly queryMemoryMb: number;
  /** Nice steps the query worker threads run below the request thread (Linux), so it gets a core first; 0 for none. */
  readonly queryWorkerNice: number;
  /** Time a client has to send a whole request, headers and body; a trickling client is cut off with 408. */
  readonly requestTimeoutMs: number;
  /** Open connections at most; more are closed as they arrive. */
  readonly maxConnections: number;
  /** How long an idle keep-alive connection stays open. */
  readonly keepAliveTimeoutMs: number;
  /** Requests one keep-alive connection may carry before the server closes it; 0 for no limit. */
  readonly maxRequestsPerSocket: number;
  /** Folder for index snapshots (absolute); undefined when SNAPSHOT_DIR is `off` or empty, so every start parses. */
  readonly snapshotDir: string | undefined;
  /** Memory for cached answers, in MiB; 0 turns the response cache off. */
  readonly cacheMb: number;
  /** SPARQL queries waiting for a worker, at most; past it a query answers 503 with Retry-After. */
  readonly queryQueueSize: number;
  /** SPARQL queries one client may have running, and as many again waiting; past it 429 with Retry-After. */
  readonly queriesPerClient: number;
  /** Workers kept from ad-hoc queries not known to be cheap, so cheap ones are served while those run. */
  readonly reservedWorkers: number;
  /** An ad-hoc query seen finishing within this many milliseconds is cheap: later runs of it use the reserved workers. */
  readonly cheapQueryMs: number;
  /** Query time one client may use per minute, in milliseconds; past it 429 with Retry-After. 0 for no budget. */
  readonly queryBudgetMs: number;
  /** Bytes one SPARQL answer may have once written; past it 413. */
  readonly maxAnswerBytes: number;
  /** Least severe log lines `casegraph serve` writes (JSON lines on stderr); `silent` for none. */
  readonly logLevel: LogLevel;
  /** Request header whose value names the client (a key a gateway has checked) instead of its address; undefined: the address. */
  readonly apiKeyHeader: string | undefined;
  /** Which backend holds the graph: the embedded index (`local`, the default) or a SPARQL server (`sparql`). */
  readonly store: 'local' | 'sparql';
  /** The SPARQL server, when `store` is `sparql`. */
  readonly sparql: SparqlStoreConfig | undefined;
}

/** Where a SPARQL 1.1 server answers; the password is never put in a message or a log line. */
export interface SparqlStoreConfig {
  /** SPARQL_QUERY_URL: the query endpoint (read-only use: GET or form-encoded POST). */
  readonly queryUrl: string;
  /** SPARQL_UPDATE_URL: the authenticated update endpoint `casegraph load --to sparql` writes through. */
  readonly updateUrl: string | undefined;
  /** SPARQL_USER / SPARQL_PASSWORD: credentials for the update endpoint (HTTP Digest or Basic). */
  readonly user: string | undefined;
  readonly password: string | undefined;
  /** SPARQL_MAX_BYTES: the largest answer body read from the server; a larger one is refused, never cut. */
  readonly maxBytes: number;
}

/** The ontology folder: always part of the dataset, whichever data folders a deployment serves. */
export const ontologyDir = 'ontology';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const defaultConfig: Config = {
  baseIri: defaultBaseIri,
  publicBaseIri: undefined,
  host: '127.0.0.1',
  port: 3000,
  root: projectRoot,
  dataDirs: [ontologyDir, 'data'],
  queryTimeoutMs: 30_000,
  maxResults: 10_000,
  workers: Math.max(1, os.availableParallelism()),
  queryMemoryMb: 1024,
  queryWorkerNice: 10,
  requestTimeoutMs: 10_000,
  maxConnections: 1_000,
  keepAliveTimeoutMs: 5_000,
  maxRequestsPerSocket: 0,
  snapshotDir: path.join(projectRoot, '.cache/casegraph'),
  cacheMb: 256,
  queryQueueSize: 64,
  queriesPerClient: 2,
  reservedWorkers: 1,
  cheapQueryMs: 250,
  // As the Wikidata Query Service: 60 seconds of query time per minute.
  queryBudgetMs: 60_000,
  apiKeyHeader: undefined,
  maxAnswerBytes: 64 * 1024 * 1024,
  // Info: one line per request with its id and time, one per query with its hash and time.
  logLevel: 'info',
  store: 'local',
  sparql: undefined,
};

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The dataset folders for data folders a user names (DATA_DIRS or --data): resolved against the working directory,
 * as a shell user means them, each checked to exist, the ontology put first.
 */
export function dataDirsFrom(folders: readonly string[], cwd: string, setting: string): string[] {
  if (folders.length === 0) throw new ConfigError(`${setting} names no folder`);
  return [
    ontologyDir,
    ...folders.map((folder) => {
      const absolute = path.resolve(cwd, folder);
      if (!isFolder(absolute)) throw new ConfigError(`${setting}: ${JSON.stringify(folder)} is not a folder (resolved to ${absolute})`);
      return absolute;
    }),
  ];
}

/** Reads the variables listed in cli/environment-variables.ts (BASE_IRI, HOST, PORT, DATA_DIRS, …); overrides win over both. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const dataDirs =
    env.DATA_DIRS === undefined || env.DATA_DIRS.trim() === '' ? defaultConfig.dataDirs : dataDirsFrom(splitList(env.DATA_DIRS), process.cwd(), 'DATA_DIRS');
  const config: Config = {
    ...defaultConfig,
    dataDirs,
    baseIri: env.BASE_IRI !== undefined ? checkBaseIri(env.BASE_IRI) : defaultConfig.baseIri,
    publicBaseIri: env.PUBLIC_BASE_IRI === undefined || env.PUBLIC_BASE_IRI.trim() === '' ? undefined : checkBaseIri(env.PUBLIC_BASE_IRI, 'PUBLIC_BASE_IRI'),
    // Empty counts as unset, as for the numbers: `HOST=` must not mean every interface.
    host: env.HOST === undefined || env.HOST.trim() === '' ? defaultConfig.host : env.HOST.trim(),
    port: integer(env, 'PORT', defaultConfig.port, 0, 65535),
    queryTimeoutMs: integer(env, 'QUERY_TIMEOUT_MS', defaultConfig.queryTimeoutMs, 1, 3_600_000),
    maxResults: integer(env, 'MAX_RESULTS', defaultConfig.maxResults, 1, 10_000_000),
    workers: integer(env, 'QUERY_WORKERS', defaultConfig.workers, 1, 256),
    queryMemoryMb: integer(env, 'QUERY_MEMORY_MB', defaultConfig.queryMemoryMb, 128, 65_536),
    queryWorkerNice: integer(env, 'QUERY_WORKER_NICE', defaultConfig.queryWorkerNice, 0, 19),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', defaultConfig.requestTimeoutMs, 100, 600_000),
    maxConnections: integer(env, 'MAX_CONNECTIONS', defaultConfig.maxConnections, 1, 1_000_000),
    keepAliveTimeoutMs: integer(env, 'KEEP_ALIVE_TIMEOUT_MS', defaultConfig.keepAliveTimeoutMs, 100, 600_000),
    maxRequestsPerSocket: integer(env, 'MAX_REQUESTS_PER_SOCKET', defaultConfig.maxRequestsPerSocket, 0, 1_000_000),
    snapshotDir: env.SNAPSHOT_DIR !== undefined ? snapshotDir(env.SNAPSHOT_DIR) : defaultConfig.snapshotDir,
    cacheMb: integer(env, 'CACHE_MB', defaultConfig.cacheMb, 0, 65_536),
    queryQueueSize: integer(env, 'QUERY_QUEUE_SIZE', defaultConfig.queryQueueSize, 0, 100_000),
    queriesPerClient: integer(env, 'QUERIES_PER_CLIENT', defaultConfig.queriesPerClient, 1, 10_000),
    reservedWorkers: integer(env, 'RESERVED_WORKERS', defaultConfig.reservedWorkers, 0, 256),
    cheapQueryMs: integer(env, 'CHEAP_QUERY_MS', defaultConfig.cheapQueryMs, 0, 3_600_000),
    queryBudgetMs: integer(env, 'QUERY_BUDGET_MS', defaultConfig.queryBudgetMs, 0, 3_600_000),
    maxAnswerBytes: integer(env, 'MAX_ANSWER_BYTES', defaultConfig.maxAnswerBytes, 1024, 2 ** 30),
    apiKeyHeader: env.API_KEY_HEADER !== undefined ? headerName(env.API_KEY_HEADER) : defaultConfig.apiKeyHeader,
    logLevel: env.LOG_LEVEL === undefined || env.LOG_LEVEL.trim() === '' ? defaultConfig.logLevel : logLevel(env.LOG_LEVEL),
    ...storeSettings(env),
    ...overrides,
  };
  checkBaseIri(config.baseIri);
  return config;
}

/** STORE and the SPARQL_* settings: a `sparql` store needs SPARQL_QUERY_URL, an http(s) URL. */
function storeSettings(env: Env): Pick<Config, 'store' | 'sparql'> {
  const store = (env.STORE ?? '').trim() || 'local';
  if (store !== 'local' && store !== 'sparql') throw new ConfigError(`STORE must be local or sparql, got ${JSON.stringify(store)}`);
  if (store === 'local') return { store, sparql: undefined };
  const url = (name: string, required: boolean): string | undefined => {
    const value = (env[name] ?? '').trim();
    if (value === '') {
      if (required) throw new ConfigError(`STORE=sparql needs ${name}, the URL of the SPARQL server's query endpoint`);
      return undefined;
    }
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new ConfigError(`${name} must be an http(s) URL, got ${JSON.stringify(value)}`);
    }
    if (!/^https?:$/.test(parsed.protocol) || parsed.username || parsed.password) {
      throw new ConfigError(
        `${name} must be an http(s) URL without credentials in it (set SPARQL_USER and SPARQL_PASSWORD), got ${parsed.protocol}//${parsed.host}${parsed.pathname}`,
      );
    }
    return value;
  };
  return {
    store,
    sparql: {
      queryUrl: url('SPARQL_QUERY_URL', true) as string,
      updateUrl: url('SPARQL_UPDATE_URL', false),
      user: optional(env.SPARQL_USER?.trim()),
      password: optional(env.SPARQL_PASSWORD),
      maxBytes: integer(env, 'SPARQL_MAX_BYTES', 256 * 1024 * 1024, 1024, 16 * 1024 * 1024 * 1024),
    },
  };
}

/** Unset and empty both mean "not given". */
function optional(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** DATA_DIRS is a comma-separated list: commas are rarer in folder names than the platform's path delimiter. */
function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function isFolder(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}

function checkBaseIri(value: string, setting = 'BASE_IRI'): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${setting} must be an absolute http(s) IRI, got ${JSON.stringify(value)}`);
  }
  if (!/^https?:$/.test(url.protocol) || !value.endsWith('/') || url.search || url.hash) {
    throw new ConfigError(`${setting} must be an http(s) IRI ending in '/', without query or fragment, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** `off` or empty turns snapshots off; a relative folder is taken from the working directory, like any path on a command line. */
function snapshotDir(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'off') return undefined;
  if (trimmed.includes('\0')) throw new ConfigError(`SNAPSHOT_DIR must be a folder path or 'off', got ${JSON.stringify(value)}`);
  return path.resolve(trimmed);
}

/** An HTTP header name (RFC 9110 token), lower-cased as Node gives headers; empty means none. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export const logLevels: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function logLevel(value: string): LogLevel {
  const level = logLevels.find((l) => l === value.trim().toLowerCase());
  if (!level) throw new ConfigError(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got ${JSON.stringify(value)}`);
  return level;
}

function headerName(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/i.test(trimmed)) throw new ConfigError(`API_KEY_HEADER must be an HTTP header name, got ${JSON.stringify(value)}`);
  return trimmed.toLowerCase();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got ${JSON.stringify(raw)}`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}
