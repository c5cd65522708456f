import { parse, OperationDefinitionNode } from 'graphql';
import { countRootFields, MutationLimiter } from './mutation-limit.plugin';

describe(MutationLimiter.name, () => {
  it('allows perMinute mutations at once, then one more per 60/perMinute seconds, per person', () => {
    let now = 1_000_000;
    const limiter = new MutationLimiter(6, () => now);
    for (let i = 0; i < 6; i++) expect(limiter.take('ada')).toBe(0);
    expect(limiter.take('ada')).toBe(10);
    expect(limiter.take('bob')).toBe(0);
    now += 9_000;
    expect(limiter.take('ada')).toBe(1);
    now += 1_000;
    expect(limiter.take('ada')).toBe(0);
    expect(limiter.take('ada')).toBe(10);
  });

  it('refills to perMinute at most, and forgets people whose allowance is full again', () => {
    let now = 0;
    const limiter = new MutationLimiter(3, () => now);
    limiter.take('ada');
    now += 10 * 60_000;
    for (let i = 0; i < 3; i++) expect(limiter.take('ada')).toBe(0);
    expect(limiter.take('ada')).toBeGreaterThan(0);
    now += 2 * 60_000;
    limiter.take('bob');
    expect((limiter as unknown as { buckets: Map<string, unknown> }).buckets.has('ada')).toBe(false);
  });

  it('takes several mutations all or none, and never more than perMinute at once', () => {
    const limiter = new MutationLimiter(6, () => 0);
    expect(limiter.take('ada', 4)).toBe(0);
    expect(limiter.take('ada', 3)).toBe(10);
    expect(limiter.take('ada', 2)).toBe(0);
    expect(limiter.take('bob', 7)).toBe(Infinity);
    expect(limiter.take('bob', 6)).toBe(0);
  });
});

describe(countRootFields.name, () => {
  it('counts root fields through aliases, inline fragments and fragment spreads, not __typename', () => {
    const document = parse(`mutation { a: x b: x ... on Mutation { c: x } ...F __typename } fragment F on Mutation { d: x ...G } fragment G on Mutation { e: x ...F }`);
    expect(countRootFields(document.definitions[0] as OperationDefinitionNode, document)).toBe(5);
  });
});
