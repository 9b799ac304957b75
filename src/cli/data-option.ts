// The `--data DIR` option of every command that opens the dataset, and the settings it turns into.
import { dataDirsFrom, loadConfig, type Config } from '../config/load-config.js';
import { ConfigError } from '../errors/casegraph-error.js';
import type { OptionSpec } from './command.js';
import { UsageError } from './usage-error.js';

export const dataOption = {
  name: 'data',
  short: 'd',
  type: 'string',
  valueName: 'DIR',
  repeatable: true,
  description:
    'A folder of Turtle/TriG files to serve instead of data/ (the ontology is always loaded); give it more than once for several. Overrides DATA_DIRS.',
} as const satisfies OptionSpec;

/** The settings from the environment, with the data folders given on the command line, if any, in place of DATA_DIRS. */
export function configWithData(folders: readonly string[] | undefined): Config {
  const config = loadConfig();
  if (folders === undefined || folders.length === 0) return config;
  try {
    return { ...config, dataDirs: dataDirsFrom(folders, process.cwd(), '--data') };
  } catch (error) {
    // A folder typed on the command line is a usage mistake (exit 2), not a bad setting.
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}
