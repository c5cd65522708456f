import { WriteBatcher } from './write-batcher';

/** A `write` whose statements finish when the test says so; it records the batches it was given. */
function controlledWrite(fails: (item: number) => boolean = () => false) {
  const batches: number[][] = [];
  const finish: (() => void)[] = [];
  const write = (items: number[]) => {
    batches.push(items);
    return new Promise<string[]>((resolve, reject) => {
      finish.push(() => (items.some(fails) ? reject(new Error(`bad item in ${items.join(',')}`)) : resolve(items.map((i) => `row ${i}`))));
    });
  };
  /** Finishes the oldest unfinished statement and lets its callers and the next batch run. */
  const finishNext = async () => {
    finish.shift()!();
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return { write, batches, finishNext };
}

describe(WriteBatcher.name, () => {
  it('starts a write alone and at once while a lane is free', async () => {
    const { write, batches, finishNext } = controlledWrite();
    const batcher = new WriteBatcher(write, { lanes: 2, maxBatch: 10 });
    const first = batcher.submit(1);
    expect(batches).toEqual([[1]]);
    const second = batcher.submit(2);
    expect(batches).toEqual([[1], [2]]);
    await finishNext();
    await finishNext();
    await expect(Promise.all([first, second])).resolves.toEqual(['row 1', 'row 2']);
  });

  it('gathers the writes that wait for a lane into the next batch, up to maxBatch, each answered with its own result', async () => {
    const { write, batches, finishNext } = controlledWrite();
    const batcher = new WriteBatcher(write, { lanes: 1, maxBatch: 3 });
    const results = [1, 2, 3, 4, 5, 6].map((i) => batcher.submit(i));
    expect(batches).toEqual([[1]]);
    await finishNext();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    await finishNext();
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
    await finishNext();
    await expect(Promise.all(results)).resolves.toEqual(['row 1', 'row 2', 'row 3', 'row 4', 'row 5', 'row 6']);
  });

  it('writes the items of a failed batch again one by one, so that only the bad one fails', async () => {
    const { write, batches, finishNext } = controlledWrite((item) => item === 3);
    const batcher = new WriteBatcher(write, { lanes: 1, maxBatch: 10 });
    const results = [1, 2, 3, 4].map((i) => batcher.submit(i).then((row) => row, (error: Error) => error.message));
    await finishNext();
    await finishNext();
    expect(batches).toEqual([[1], [2, 3, 4], [2]]);
    await finishNext();
    await finishNext();
    await finishNext();
    expect(batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
    await expect(Promise.all(results)).resolves.toEqual(['row 1', 'row 2', 'bad item in 3', 'row 4']);
  });

  it('keeps to its lanes while it writes a failed batch again', async () => {
    const { write, batches, finishNext } = controlledWrite((item) => item === 2);
    const batcher = new WriteBatcher(write, { lanes: 1, maxBatch: 10 });
    void batcher.submit(1);
    void batcher.submit(2).catch(() => undefined);
    void batcher.submit(3);
    await finishNext();
    // [2, 3] failed; a write submitted now waits until 2 and 3 have been written again.
    await finishNext();
    void batcher.submit(4);
    expect(batches).toEqual([[1], [2, 3], [2]]);
    await finishNext();
    await finishNext();
    expect(batches).toEqual([[1], [2, 3], [2], [3], [4]]);
  });

  it('treats a batch that answers with the wrong number of results as failed, writing each item again alone', async () => {
    const batcher = new WriteBatcher(async (items: number[]) => (items.length > 1 ? ['one'] : [`row ${items[0]}`]), { lanes: 1, maxBatch: 10 });
    const results = [1, 2, 3].map((i) => batcher.submit(i));
    await expect(Promise.all(results)).resolves.toEqual(['row 1', 'row 2', 'row 3']);
  });
});
