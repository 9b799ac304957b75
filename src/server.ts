// Opens the store, builds the app and listens on HOST:PORT; SIGINT/SIGTERM close the server and the store.
import type { FastifyInstance } from 'fastify';
import type { Config, LogLevel } from './config/load-config.js';
import { loggerOptions } from './http/logger-options.js';
import { ConfigError } from './errors/casegraph-error.js';
import { openStore, type OpenStoreOptions } from './backends/open-store.js';
import { buildApp } from './app.js';
import { sparqlPath } from './sparql-endpoint/index.js';

export interface RunningServer {
  readonly app: FastifyInstance;
  /** Where the server listens, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  /** Stops listening, lets requests in flight finish, then frees the store's workers. */
  close(): Promise<void>;
  /** Settles once the server has fully closed, whoever closed it (a signal or close()). */
  readonly closed: Promise<void>;
}

export interface StartServerOptions {
  /** Say where the server listens (the CLI prints it). */
  readonly announce?: (line: string) => void;
  /** Install SIGINT/SIGTERM handlers that close the server (the CLI does; tests do not). */
  readonly handleSignals?: boolean;
  /** Log level for Fastify's logger (JSON lines without requester data, see logger-options.ts); nothing is logged when absent. */
  readonly logLevel?: LogLevel;
  /** Where log lines go (default stdout; the CLI: stderr, so stdout keeps the ready line). */
  readonly logStream?: NodeJS.WritableStream;
  /** A progress line for the dataset load (the CLI shows one on stderr). */
  readonly progress?: OpenStoreOptions['progress'];
  /** Where the store says why an index snapshot was not used or not written (the CLI: stderr). */
  readonly log?: OpenStoreOptions['log'];
}

export async function startServer(config: Config, options: StartServerOptions = {}): Promise<RunningServer> {
  // The store opens before the app and its logger exist: its debug lines wait for them.
  const early: string[] = [];
  let debug = (line: string): void => void early.push(line);
  const store = await openStore(config, { progress: options.progress, log: options.log, debug: (line) => debug(line) });
  let app: FastifyInstance;
  try {
    app = buildApp({ store, config, logger: options.logLevel ? loggerOptions(options.logLevel, options.logStream) : false });
    const logger = app.log;
    debug = (line) => logger.debug(line);
    for (const line of early.splice(0)) debug(line);
    await app.ready();
  } catch (error) {
    await store.close();
    throw error;
  }
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot listen on ${config.host}:${config.port}: ${code ?? (error as Error).message} (set HOST and PORT)`, undefined, {
      cause: error,
    });
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;

  let closing: Promise<void> | undefined;
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });
  const onSignal = (signal: NodeJS.Signals): void => {
    options.announce?.(`casegraph: ${signal} received, shutting down`);
    void close();
  };
  const close = (): Promise<void> => {
    closing ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      try {
        await app.close();
      } finally {
        markClosed();
      }
    })();
    return closing;
  };
  if (options.handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  options.announce?.(`casegraph: serving ${store.size} triples (dataset ${store.version}) at ${url}${sparqlPath}`);
  return { app, url, close, closed };
}
