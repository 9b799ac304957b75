// What casegraph's exit codes mean, the same for every command; help and README quote this table.
export const exitCodes = {
  success: 0,
  /** Something was found wrong (e.g. invalid data), a setting is bad, or an internal error. */
  failure: 1,
  /** The command line or the input was wrong: fix it and run again. */
  usage: 2,
} as const;

export const exitCodeMeanings: ReadonlyArray<readonly [number, string]> = [
  [exitCodes.success, 'success'],
  [exitCodes.failure, 'a failure found (e.g. invalid data), a bad setting, or an internal error'],
  [exitCodes.usage, 'bad usage or bad input (unknown option, missing value, malformed query, ...)'],
];
