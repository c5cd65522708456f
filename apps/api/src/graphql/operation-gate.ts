/**
 * At most `limit` GraphQL operations execute at once in this instance; the others wait their turn, first
 * come first served. With a pool of 10 database connections, more operations in flight than a small multiple
 * of it finish no sooner: they only hold their partial results in memory while they wait for a connection.
 */
export class OperationGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /** Operations executing now, and waiting for a turn. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(operation: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await operation();
    } finally {
      // The turn passes straight to the next waiting operation (running stays the same), else frees a place.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
