// `casegraph validate`: SHACL over ontology and data. Not built yet.
import type { Command } from '../command.js';

export const validateCommand: Command = {
  name: 'validate',
  usage: 'validate [FILE|FOLDER ...]',
  summary: 'Check ontology/ and data/ (or the given files) against the SHACL shapes in ontology/shapes/.',
  async run(_args, io) {
    io.err('casegraph validate: not built yet\n');
    return 1;
  },
};
