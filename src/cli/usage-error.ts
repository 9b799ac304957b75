// A mistake on the command line: main prints it on one line, points at the command's --help, and exits 2.
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
