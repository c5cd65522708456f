import { setFlagsFromString } from 'node:v8';

/**
 * Applies HEAP_GROWING_PERCENT to this process. V8 reads the factor each time it sets the heap's next
 * limit, so it takes effect at run time; with 0, V8 keeps its own factor. Servers call it at start
 * (not the tests' process, whose GC it would change for nothing).
 */
export function applyHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/**
 * Turns off V8's allocation-site pretenuring in this process (decision 54). V8 allocates objects from a
 * site whose objects mostly survived a young collection straight into the old generation. A server's
 * per-request objects can trip it (a pg query object is alive across the round trip whenever a young
 * collection happens), and a pretenured query object then keeps its young result rows alive through
 * young collections until the next full one: about 2 MiB promoted per young collection for a 50-row list
 * at one client, against 0.1 without. Checked when V8 decides, so it takes effect at run time. Servers
 * call it at start, like `applyHeapGrowth`.
 */
export function withoutAllocationSitePretenuring(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
