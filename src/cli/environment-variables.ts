// The settings load-config.ts reads, described once for every command's --help.
import { defaultConfig } from '../config/load-config.js';

export type EnvironmentVariable =
  | 'BASE_IRI'
  | 'PUBLIC_BASE_IRI'
  | 'HOST'
  | 'PORT'
  | 'DATA_DIRS'
  | 'QUERY_TIMEOUT_MS'
  | 'MAX_RESULTS'
  | 'QUERY_WORKERS'
  | 'QUERY_MEMORY_MB'
  | 'QUERY_WORKER_NICE'
  | 'REQUEST_TIMEOUT_MS'
  | 'MAX_CONNECTIONS'
  | 'KEEP_ALIVE_TIMEOUT_MS'
  | 'MAX_REQUESTS_PER_SOCKET'
  | 'SNAPSHOT_DIR'
  | 'CACHE_MB'
  | 'QUERY_QUEUE_SIZE'
  | 'QUERIES_PER_CLIENT'
  | 'RESERVED_WORKERS'
  | 'CHEAP_QUERY_MS'
  | 'QUERY_BUDGET_MS'
  | 'API_KEY_HEADER'
  | 'MAX_ANSWER_BYTES'
  | 'LOG_LEVEL'
  | 'STORE'
  | 'SPARQL_QUERY_URL'
  | 'SPARQL_UPDATE_URL'
  | 'SPARQL_USER'
  | 'SPARQL_PASSWORD'
  | 'SPARQL_MAX_BYTES';

// Defaults come from defaultConfig so help cannot disagree with what loadConfig does.
export const environmentVariables: Readonly<Record<EnvironmentVariable, string>> = {
  BASE_IRI: `Base of every casegraph IRI; relative IRIs in queries resolve against it (default ${defaultConfig.baseIri})`,
  PUBLIC_BASE_IRI: 'Where the dataset is published, as the draft communication cites it (default: BASE_IRI)',
  HOST: `Interface to listen on (default ${defaultConfig.host}, loopback)`,
  PORT: `TCP port, 0 picks a free one (default ${defaultConfig.port})`,
  DATA_DIRS: 'Comma-separated folders of Turtle/TriG to serve instead of data/, relative to where you stand; the ontology is always loaded',
  QUERY_TIMEOUT_MS: `Deadline for one query, in milliseconds (default ${defaultConfig.queryTimeoutMs})`,
  MAX_RESULTS: `Most rows or triples in one answer (default ${defaultConfig.maxResults})`,
  QUERY_WORKERS: 'Query worker threads (default: the number of cores)',
  QUERY_MEMORY_MB: `Heap limit of one query worker, in MiB (default ${defaultConfig.queryMemoryMb})`,
  QUERY_WORKER_NICE: `Nice steps the query worker threads run below the request thread (Linux), so pages and /health get a core first; 0 for none (default ${defaultConfig.queryWorkerNice})`,
  REQUEST_TIMEOUT_MS: `Time a client has to send a whole request, in milliseconds; slower ones get 408 (default ${defaultConfig.requestTimeoutMs})`,
  MAX_CONNECTIONS: `Open connections at most; more are closed as they arrive (default ${defaultConfig.maxConnections})`,
  KEEP_ALIVE_TIMEOUT_MS: `How long an idle keep-alive connection stays open, in milliseconds (default ${defaultConfig.keepAliveTimeoutMs})`,
  MAX_REQUESTS_PER_SOCKET: 'Requests one keep-alive connection may carry; 0, the default, for no limit',
  SNAPSHOT_DIR:
    'Folder for index snapshots, so a restart with unchanged data skips parsing; off or empty disables (default .cache/casegraph/ under the project root)',
  CACHE_MB: `Memory for cached answers, in MiB; 0 turns the cache off (default ${defaultConfig.cacheMb})`,
  QUERY_QUEUE_SIZE: `SPARQL queries waiting for a worker at most; more answer 503 with Retry-After (default ${defaultConfig.queryQueueSize})`,
  QUERIES_PER_CLIENT: `SPARQL queries one client may have running, and as many again waiting; more answer 429 (default ${defaultConfig.queriesPerClient})`,
  RESERVED_WORKERS: `Workers kept for cheap and saved queries while expensive ad-hoc ones run (default ${defaultConfig.reservedWorkers})`,
  CHEAP_QUERY_MS: `An ad-hoc query seen finishing within this many milliseconds counts as cheap (default ${defaultConfig.cheapQueryMs})`,
  QUERY_BUDGET_MS: `Query time one client may use per minute, in milliseconds; past it 429; 0 for none (default ${defaultConfig.queryBudgetMs})`,
  API_KEY_HEADER: 'Header naming the client instead of its address, for a gateway that checks API keys (default: none, the address)',
  MAX_ANSWER_BYTES: `Bytes one SPARQL answer may have once written; larger ones answer 413 (default ${defaultConfig.maxAnswerBytes}, 64 MiB)`,
  LOG_LEVEL: `Least severe log lines serve writes, as JSON on stderr: fatal, error, warn, info, debug, trace or silent (default ${defaultConfig.logLevel})`,
  STORE: 'Which store holds the graph: local (the embedded index, the default) or sparql (a SPARQL 1.1 server loaded with casegraph load --to sparql)',
  SPARQL_QUERY_URL: "With STORE=sparql, and for casegraph load: the SPARQL server's query endpoint, e.g. http://127.0.0.1:8890/sparql",
  SPARQL_UPDATE_URL: "For casegraph load: the server's authenticated update endpoint, e.g. Virtuoso's http://127.0.0.1:8890/sparql-auth",
  SPARQL_USER: 'User for the update endpoint (HTTP Digest or Basic)',
  SPARQL_PASSWORD: 'Password for the update endpoint; never written to a message or a log',
  SPARQL_MAX_BYTES: 'Largest answer body read from the SPARQL server; a larger one is refused, never cut (default 256 MiB)',
};

/** Every command loads the whole configuration, so a bad value of any of these stops it, even one it does not use. */
export const allEnvironmentVariables = Object.keys(environmentVariables) as EnvironmentVariable[];
