import { OperationGate } from './operation-gate';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('OperationGate', () => {
  it('runs at most `limit` operations at once, the rest in arrival order as places free up', async () => {
    const gate = new OperationGate(2);
    const started: number[] = [];
    const holds = [0, 1, 2, 3].map(() => deferred());
    const done = holds.map((hold, i) =>
      gate.run(async () => {
        started.push(i);
        await hold.promise;
        return i;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    expect(gate.load).toEqual({ running: 2, waiting: 2 });
    holds[1].resolve();
    await done[1];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    holds[0].resolve();
    holds[2].resolve();
    holds[3].resolve();
    expect(await Promise.all(done)).toEqual([0, 1, 2, 3]);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the place of an operation that fails', async () => {
    const gate = new OperationGate(1);
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(async () => 'next')).toBe('next');
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });
});
