// `casegraph serve`: starts the HTTP server. Not built yet.
import type { Command } from '../command.js';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve',
  summary: 'Start the HTTP server on HOST:PORT (default 127.0.0.1:3000).',
  async run(_args, io) {
    io.err('casegraph serve: the server is not built yet\n');
    return 1;
  },
};
