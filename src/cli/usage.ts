/**
 * A usage error: the command line itself is wrong (unknown flag, missing value, wrong number of
 * arguments). The CLI prints it with the command's usage line and exits 2.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
