/**
 * A mistake on the command line: an unknown command or option, a missing option or a malformed value.
 * The CLI prints the message and the usage and exits with code 2, before anything starts.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
