// `casegraph query`: runs a SPARQL query (text or .rq file) over the loaded graph. Not built yet.
import type { Command } from '../command.js';

export const queryCommand: Command = {
  name: 'query',
  usage: "query 'SPARQL' | FILE.rq [--format json|csv|tsv|turtle]",
  summary: 'Run a read-only SPARQL query over the loaded graph and print the result.',
  async run(_args, io) {
    io.err('casegraph query: not built yet\n');
    return 1;
  },
};
