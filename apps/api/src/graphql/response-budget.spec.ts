import { buildSchema, execute, ExecutionResult, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { GqlContext } from '@app/core';
import { tooLarge, withResponseBudget } from './response-budget';

const calls: string[] = [];
const schema = buildSchema(`
  type Item { id: ID! children: [Item!]! }
  type Query { items: [Item!]! }
`);
const items = (prefix: string) => Array.from({ length: 4 }, (_, i) => ({ id: `${prefix}${i}` }));
schema.getQueryType()!.getFields().items.resolve = () => {
  calls.push('items');
  return items('r');
};
(schema.getType('Item') as unknown as { getFields(): Record<string, { resolve: unknown }> }).getFields().children.resolve = async (parent: { id: string }) => {
  calls.push(`children:${parent.id}`);
  return items(`${parent.id}.`);
};
// Wraps the resolvers present when it runs, as transformSchema does once the schema is built.
withResponseBudget(10)(schema);

const context = (): GqlContext => ({ req: { headers: {} }, viewer: null, loaders: null as never, responseItems: 0 });

describe(withResponseBudget.name, () => {
  beforeEach(() => (calls.length = 0));

  it.each([
    ['graphql-js', (query: string, ctx: GqlContext) => execute({ schema, document: parse(query), contextValue: ctx }) as Promise<ExecutionResult>],
    [
      'graphql-jit',
      (query: string, ctx: GqlContext) => {
        const compiled = compileQuery(schema, parse(query));
        if (!isCompiledQuery(compiled)) throw new Error('not compiled');
        return compiled.query(undefined, ctx, {}) as Promise<ExecutionResult>;
      },
    ],
  ])('counts list items during execution and resolves no list after the limit (%s)', async (_name, run) => {
    const within = context();
    expect((await run('{ items { id } }', within)).errors).toBeUndefined();
    expect(within.responseItems).toBe(4);
    expect(tooLarge(within, 10)).toBeNull();

    // 4 items, then 4 children lists of 4, then grandchildren: the second children list passes 10.
    const over = context();
    const result = await run('{ items { id children { id children { id } } } }', over);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(over.responseItems).toBeGreaterThan(10);
    // Without the limit: 1 + 4 + 16 list resolvers. The four children lists (started together) pass the budget,
    // and no list resolver runs after that: none of the 16 grandchildren lists is loaded.
    expect(calls.filter((c) => /^children:r\d$/.test(c))).toHaveLength(4);
    expect(calls.filter((c) => /^children:r\d\.\d$/.test(c))).toEqual([]);
    const answer = tooLarge(over, 10)!;
    expect(answer.data).toBeNull();
    expect(answer.errors!.map((e) => e.message)).toEqual(['The answer would hold more than 10 list items; ask for less (smaller pages, fewer aliases, fewer nested lists)']);
  });

  it('does not count contexts without responseItems (subscriptions)', async () => {
    const ctx = { ...context(), responseItems: undefined };
    const result = (await execute({ schema, document: parse('{ items { children { children { id } } } }'), contextValue: ctx })) as ExecutionResult;
    expect(result.errors).toBeUndefined();
  });
});
