// `casegraph serve`: starts the HTTP server on HOST:PORT and runs until SIGINT or SIGTERM.
import { progressLine } from '../../dataset/progress-line.js';
import { startServer } from '../../server.js';
import { defineCommand } from '../command.js';
import { configWithData, dataOption } from '../data-option.js';
import { allEnvironmentVariables } from '../environment-variables.js';

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'Start the HTTP server on HOST:PORT (default 127.0.0.1:3000); settings come from the environment.',
  details: [
    'It loads ontology/ and data/ (or the folders given with --data or DATA_DIRS) and starts the query workers, or with STORE=sparql reads the served version of a SPARQL server, and prints one line when ready. SIGINT (Ctrl-C) or SIGTERM stops accepting connections, lets requests in flight finish, then stops the workers.',
  ],
  options: [dataOption],
  // The update endpoint and its credentials are the loader's (casegraph load); a server never writes.
  environment: allEnvironmentVariables.filter((v) => !['SPARQL_UPDATE_URL', 'SPARQL_USER', 'SPARQL_PASSWORD'].includes(v)),
  exitNotes: { 0: 'stopped by SIGINT or SIGTERM', 1: 'a bad setting, data file or saved query, or the port is taken' },
  examples: ['PORT=8080 BASE_IRI=https://casegraph.example/ casegraph serve', 'casegraph serve --data /srv/cases'],
  async run({ values }, io) {
    const config = configWithData(values.data);
    const server = await startServer(config, {
      handleSignals: true,
      // JSON lines on stderr (LOG_LEVEL), so stdout keeps only the ready line.
      logLevel: config.logLevel,
      logStream: process.stderr,
      announce: (line) => io.out(`${line}\n`),
      // Loads over 2 s show files, triples and elapsed time on stderr, so stdout keeps only the ready line.
      progress: progressLine({ stream: { write: (text) => io.err(text), isTTY: process.stderr.isTTY } }),
      log: (line) => io.err(`casegraph: ${line}\n`),
    });
    // Resolve only once the server and the store have closed, so the exit code follows a clean shutdown.
    await server.closed;
    return 0;
  },
});
