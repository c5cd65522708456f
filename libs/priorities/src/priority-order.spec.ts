import { orderingProblem } from './priority-order';

describe(orderingProblem.name, () => {
  const scope = ['a0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000003'];
  const [a, b, c] = scope;

  it('accepts every priority of the scope exactly once, in any order', () => {
    expect(orderingProblem(scope, [c, a, b])).toBeNull();
    expect(orderingProblem(scope, scope)).toBeNull();
  });

  it('accepts an empty ordering of an empty scope', () => {
    expect(orderingProblem([], [])).toBeNull();
  });

  it('treats ids case-insensitively, as PostgreSQL compares uuids', () => {
    expect(orderingProblem(scope, [c.toUpperCase(), a, b])).toBeNull();
  });

  it('rejects a missing priority', () => {
    expect(orderingProblem(scope, [a, b])).toMatch(/missing .*0003/);
  });

  it('rejects a duplicate, even when the length matches', () => {
    expect(orderingProblem(scope, [a, a, b])).toMatch(/more than once/);
    expect(orderingProblem(scope, [a, b, c, c])).toMatch(/more than once/);
  });

  it('rejects a priority of another scope or an unknown id', () => {
    expect(orderingProblem(scope, [a, b, c, 'b0000000-0000-4000-8000-000000000009'])).toMatch(/not a priority of this scope/);
    expect(orderingProblem([], [a])).toMatch(/not a priority of this scope/);
  });
});
