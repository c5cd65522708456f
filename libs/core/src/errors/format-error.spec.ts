import { GraphQLError } from 'graphql';
import { ConflictError, InvalidInputError, NotFoundError, RateLimitedError } from './domain-error';
import { createFormatError } from './format-error';

describe(createFormatError.name, () => {
  const logged: unknown[] = [];
  const format = createFormatError({ exposeInternals: false, log: (e) => logged.push(e) });
  const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['x'] });

  it('maps domain errors to their code, reason and field', () => {
    const error = new InvalidInputError('country', 'country must be an ISO 3166-1 alpha-2 code such as DE');
    expect(format(wrap(error).toJSON(), wrap(error)).extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field: 'country' });
    const conflict = new ConflictError('STALE_VERSION', 'stale');
    expect(format(wrap(conflict).toJSON(), wrap(conflict)).extensions?.code).toBe('CONFLICT');
    const missing = new NotFoundError('working group');
    expect(format(wrap(missing).toJSON(), wrap(missing))).toMatchObject({
      message: 'Working group not found',
      extensions: { code: 'NOT_FOUND', reason: 'WORKING_GROUP_NOT_FOUND' },
    });
    const limited = new RateLimitedError('slow down', 900);
    expect(format(wrap(limited).toJSON(), wrap(limited)).extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 900 });
  });

  it('hides internals of unexpected errors and logs them', () => {
    const crash = new Error('duplicate key value violates unique constraint "secret_table_pkey"');
    const formatted = format(wrap(crash).toJSON(), wrap(crash));
    expect(formatted.message).toBe('Internal server error');
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(formatted)).not.toContain('secret_table');
    expect(logged).toContain(crash);
  });

  it("keeps Apollo's own client error codes", () => {
    const error = new GraphQLError('Cannot query field "nope"', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(format(error.toJSON(), error).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});
