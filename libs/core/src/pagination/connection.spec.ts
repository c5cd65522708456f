import { pageArgs } from './connection.args';
import { countingConnection, lazyConnection } from './connection.model';

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

describe(countingConnection.name, () => {
  const pageInfo = { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null };

  it('takes totalCount from the page when both are read in one pass, in either order', async () => {
    for (const order of [['edges', 'totalCount'], ['totalCount', 'edges']] as const) {
      const page = jest.fn(async (withCount: boolean) => ({ edges: [], pageInfo, totalCount: withCount ? 42 : undefined }));
      const count = jest.fn(async () => 7);
      const connection = countingConnection(page, count);
      const [first, second] = order.map((field) => connection[field]);
      await Promise.all([first, second]);
      expect(await connection.totalCount).toBe(42);
      expect(page).toHaveBeenCalledTimes(1);
      expect(page).toHaveBeenCalledWith(true);
      expect(count).not.toHaveBeenCalled();
    }
  });

  it('counts on its own when only totalCount is read, or when the page brings no count', async () => {
    const page = jest.fn(async () => ({ edges: [], pageInfo }));
    const count = jest.fn(async () => 7);
    expect(await countingConnection(page, count).totalCount).toBe(7);
    expect(page).not.toHaveBeenCalled();
    const both = countingConnection(page, count);
    const edges = both.edges;
    expect(await both.totalCount).toBe(7);
    await edges;
    expect(page).toHaveBeenCalledTimes(1);
    expect(count).toHaveBeenCalledTimes(2);
  });

  it('asks the page for no count when totalCount is not read', async () => {
    const page = jest.fn(async () => ({ edges: [], pageInfo }));
    const connection = countingConnection(page, async () => 0);
    await connection.edges;
    await connection.pageInfo;
    expect(page).toHaveBeenCalledTimes(1);
    expect(page).toHaveBeenCalledWith(false);
  });
});
