import { pageArgs } from './connection.args';
import { lazyConnection } from './connection.model';

describe(pageArgs.name, () => {
  it('defaults to 20 and caps at 100', () => {
    expect(pageArgs({})).toEqual({ first: 20, after: null });
    expect(pageArgs({ first: 500, after: 'x' })).toEqual({ first: 100, after: 'x' });
    expect(pageArgs({ first: 0 })).toEqual({ first: 0, after: null });
  });
});

describe(lazyConnection.name, () => {
  it('loads only the parts that are read, each once', async () => {
    const page = jest.fn(async () => ({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } }));
    const count = jest.fn(async () => 7);
    const connection = lazyConnection(page, count);
    expect(await connection.totalCount).toBe(7);
    expect(page).not.toHaveBeenCalled();
    await connection.edges;
    await connection.pageInfo;
    await connection.totalCount;
    expect(page).toHaveBeenCalledTimes(1);
    expect(count).toHaveBeenCalledTimes(1);
  });

  it('carries no accessor of its own: its getters are on the prototype, so no accessor pair is allocated per connection', () => {
    const connection = lazyConnection(async () => ({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } }), async () => 0);
    const accessors = Object.entries(Object.getOwnPropertyDescriptors(connection)).filter(([, d]) => d.get || d.set);
    expect(accessors).toEqual([]);
    expect(typeof Object.getOwnPropertyDescriptor(Object.getPrototypeOf(connection), 'edges')?.get).toBe('function');
  });
});
