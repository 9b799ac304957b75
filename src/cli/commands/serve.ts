// `casegraph serve`: starts the HTTP server on HOST:PORT and runs until SIGINT or SIGTERM.
import { loadConfig } from '../../config/load-config.js';
import { startServer } from '../../server.js';
import type { Command } from '../command.js';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve',
  summary: 'Start the HTTP server on HOST:PORT (default 127.0.0.1:3000); settings come from the environment.',
  async run(args, io) {
    if (args.length > 0) {
      io.err(`casegraph serve: unexpected argument ${JSON.stringify(args[0])} (settings come from HOST, PORT, ...)\n`);
      return 2;
    }
    const config = loadConfig();
    const server = await startServer(config, {
      handleSignals: true,
      logLevel: 'warn',
      announce: (line) => io.out(`${line}\n`),
    });
    // Resolve only once the server and the store have closed, so the exit code follows a clean shutdown.
    await server.closed;
    return 0;
  },
};
