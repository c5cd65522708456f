/**
 * Runs concurrent writes of one kind as few statements. A write starts at once when fewer than `lanes`
 * batches are in flight; otherwise it waits, and every write that waited goes together (up to `maxBatch`)
 * in the next batch a finishing one makes room for. So a write never waits for a timer, and one alone on
 * an idle server is a batch of one; under load the fixed cost of a statement (its executor start-up, its
 * locks, its commit and WAL flush) is shared by the writes that arrived meanwhile.
 *
 * `write` gets the items of a batch and returns one result per item, in their order, from one statement:
 * the batch commits or fails as a whole. When it fails, each of its items is written again on its own, so
 * one bad item (a constraint it breaks) fails only its own caller.
 */
export class WriteBatcher<I, O> {
  private readonly waiting: Waiting<I, O>[] = [];
  private inFlight = 0;

  constructor(
    private readonly write: (items: I[]) => Promise<O[]>,
    private readonly options: { lanes: number; maxBatch: number },
  ) {
    if (options.lanes < 1 || options.maxBatch < 1) throw new Error('WriteBatcher needs at least one lane and one item per batch');
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.startBatches();
    });
  }

  private startBatches(): void {
    while (this.inFlight < this.options.lanes && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.startBatches();
      });
    }
  }

  private async run(batch: Waiting<I, O>[]): Promise<void> {
    let results: O[];
    try {
      results = await this.write(batch.map((w) => w.item));
      if (results.length !== batch.length) throw new Error(`A batch of ${batch.length} writes returned ${results.length} results`);
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      // One at a time, in this lane: the retries do not take more connections than the batch did.
      for (const one of batch) await this.run([one]);
      return;
    }
    batch.forEach((w, i) => w.resolve(results[i]));
  }
}

interface Waiting<I, O> {
  item: I;
  resolve: (result: O) => void;
  reject: (error: unknown) => void;
}
