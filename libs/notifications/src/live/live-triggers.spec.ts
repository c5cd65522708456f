import { EventEmitter } from 'node:events';
import { PubSub } from 'graphql-subscriptions';
import { filtered } from './live-triggers';

describe(filtered.name, () => {
  const source = () => {
    const pubsub = new PubSub({ eventEmitter: new EventEmitter() });
    return { pubsub, iterator: pubsub.asyncIterableIterator<number>('n') };
  };

  it('passes on the messages the check accepts, in order', async () => {
    const { pubsub, iterator } = source();
    const evens = filtered(iterator, (n) => n % 2 === 0, () => undefined);
    const first = evens.next();
    for (const n of [1, 2, 3, 4]) await pubsub.publish('n', n);
    expect(await first).toEqual({ done: false, value: 2 });
    expect(await evens.next()).toEqual({ done: false, value: 4 });
  });

  it('drops a message whose check fails, reports it, and keeps going', async () => {
    const { pubsub, iterator } = source();
    const errors: string[] = [];
    const checked = filtered(
      iterator,
      async (n) => {
        if (n === 1) throw new Error('database away');
        return true;
      },
      (error) => errors.push(error.message),
    );
    const next = checked.next();
    await pubsub.publish('n', 1);
    await pubsub.publish('n', 2);
    expect(await next).toEqual({ done: false, value: 2 });
    expect(errors).toEqual(['database away']);
  });

  it('ends at once on return(), even while waiting for a message, and unsubscribes', async () => {
    const { pubsub, iterator } = source();
    const live = filtered(iterator, () => true, () => undefined);
    const pending = live.next();
    await new Promise((r) => setImmediate(r));
    await live.return!();
    expect(await pending).toEqual({ done: true, value: undefined });
    // Nothing is listening any more.
    expect((pubsub as unknown as { ee: EventEmitter }).ee.listenerCount('n')).toBe(0);
  });
});
