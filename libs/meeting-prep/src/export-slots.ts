import { RateLimitedError } from '@app/core';

/**
 * How many exports each person has in flight in this process. An export takes a slot before it reads
 * anything and gives it back when it is done, whatever the outcome; a person at the limit is refused
 * at once (nothing is read, rendered or stored), so one person's burst cannot fill the render queue
 * and the operation slots that everyone else's requests wait for.
 *
 * The count is per API instance: behind a load balancer a person may have this many exports in flight
 * on each instance. That still bounds each instance's event loop and render queue, which is what the
 * limit protects; a shared count would cost a Redis or database round trip on every export.
 */
export class ExportSlots {
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly perPerson: number) {}

  /** Takes one of the person's slots (or refuses with EXPORT_LIMIT); the returned function frees it. */
  claim(personId: string): () => void {
    const taken = this.inFlight.get(personId) ?? 0;
    if (taken >= this.perPerson) {
      throw new RateLimitedError(
        `You already have ${taken} export${taken === 1 ? '' : 's'} in progress; wait for ${taken === 1 ? 'it' : 'one'} to finish`,
        1,
        'EXPORT_LIMIT',
      );
    }
    this.inFlight.set(personId, taken + 1);
    let freed = false;
    return () => {
      if (freed) return;
      freed = true;
      const left = (this.inFlight.get(personId) ?? 1) - 1;
      if (left > 0) this.inFlight.set(personId, left);
      else this.inFlight.delete(personId);
    };
  }

  /** Exports the person has in flight (for tests and diagnostics). */
  count(personId: string): number {
    return this.inFlight.get(personId) ?? 0;
  }
}
