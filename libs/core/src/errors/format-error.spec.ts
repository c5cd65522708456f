import { GraphQLError } from 'graphql';
import { ConflictError, InvalidInputError, NotFoundError, RateLimitedError } from './domain-error';
import { createFormatError, withoutSuggestions } from './format-error';

describe(createFormatError.name, () => {
  const logged: unknown[] = [];
  const format = createFormatError({ exposeInternals: false, hideSuggestions: false, log: (e) => logged.push(e) });
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

  it('strips schema suggestions from client errors when asked to (introspection off)', () => {
    const hiding = createFormatError({ exposeInternals: false, hideSuggestions: true, log: () => undefined });
    const messages = [
      'Cannot query field "meee" on type "Query". Did you mean "me"?',
      'Variable "$s" got invalid value "DRAF" at "s[0]"; Value "DRAF" does not exist in "ProposalState" enum. Did you mean the enum value "DRAFT"?',
      'Unknown argument "frist" on field "Query.proposals". Did you mean "first"?',
    ];
    for (const message of messages) {
      const error = new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      expect(hiding(error.toJSON(), error).message).not.toMatch(/Did you mean|"me"|DRAFT|"first"/);
      expect(format(error.toJSON(), error).message).toBe(message);
    }
    expect(withoutSuggestions(messages[0])).toBe('Cannot query field "meee" on type "Query".');
  });
});
