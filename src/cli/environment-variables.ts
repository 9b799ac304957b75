// The settings load-config.ts reads, described once for every command's --help.
import { defaultConfig } from '../config/load-config.js';

export type EnvironmentVariable = 'BASE_IRI' | 'HOST' | 'PORT' | 'QUERY_TIMEOUT_MS' | 'MAX_RESULTS' | 'QUERY_WORKERS' | 'QUERY_MEMORY_MB' | 'CACHE_MB';

// Defaults come from defaultConfig so help cannot disagree with what loadConfig does.
export const environmentVariables: Readonly<Record<EnvironmentVariable, string>> = {
  BASE_IRI: `Base of every casegraph IRI; relative IRIs in queries resolve against it (default ${defaultConfig.baseIri})`,
  HOST: `Interface to listen on (default ${defaultConfig.host}, loopback)`,
  PORT: `TCP port, 0 picks a free one (default ${defaultConfig.port})`,
  QUERY_TIMEOUT_MS: `Deadline for one query, in milliseconds (default ${defaultConfig.queryTimeoutMs})`,
  MAX_RESULTS: `Most rows or triples in one answer (default ${defaultConfig.maxResults})`,
  QUERY_WORKERS: 'Query worker threads (default: the number of cores)',
  QUERY_MEMORY_MB: `Heap limit of one query worker, in MiB (default ${defaultConfig.queryMemoryMb})`,
  CACHE_MB: `Memory for cached answers, in MiB; 0 turns the cache off (default ${defaultConfig.cacheMb})`,
};

/** Every command loads the whole configuration, so a bad value of any of these stops it, even one it does not use. */
export const allEnvironmentVariables = Object.keys(environmentVariables) as EnvironmentVariable[];
