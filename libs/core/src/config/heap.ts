import { setFlagsFromString } from 'node:v8';

/**
 * Applies HEAP_GROWING_PERCENT to this process. V8 reads the factor each time it sets the heap's next
 * limit, so it takes effect at run time; with 0, V8 keeps its own factor. Servers call it at start
 * (not the tests' process, whose GC it would change for nothing).
 */
export function applyHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
