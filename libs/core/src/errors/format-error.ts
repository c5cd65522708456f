import { GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorKind, RateLimitedError } from './domain-error';

const CODE_BY_KIND: Record<ErrorKind, string> = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  INVALID: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
};

/** Apollo's own codes for errors raised before execution (parse, validation, bad variables). */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

export type ErrorLogger = (error: unknown) => void;

/** graphql-js's "Did you mean …?" hints, which name fields, arguments, types and enum values of the schema. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** A client error's message without schema suggestions (for servers whose schema is not public). */
export const withoutSuggestions = (message: string): string => message.replace(SUGGESTION, '');

/**
 * The one place where errors become GraphQL errors. Domain errors keep their message and gain
 * `code`, `reason` and `field`; anything else is an internal error whose details (stack, SQL) are
 * logged, never sent.
 */
export function createFormatError(options: {
  exposeInternals: boolean;
  /** Strip "Did you mean …?" from client errors: on when introspection is off, so errors do not reveal the schema. */
  hideSuggestions: boolean;
  log: ErrorLogger;
}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    if (original instanceof DomainError) {
      const extensions: Record<string, unknown> = { code: CODE_BY_KIND[original.kind], reason: original.reason };
      if (original.field) extensions.field = original.field;
      if (original instanceof RateLimitedError) extensions.retryAfterSeconds = original.retryAfterSeconds;
      return { message: original.message, locations: formatted.locations, path: formatted.path, extensions };
    }
    const code = formatted.extensions?.code as string | undefined;
    if (code && CLIENT_CODES.has(code)) {
      const message = options.hideSuggestions ? withoutSuggestions(formatted.message) : formatted.message;
      return { message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    options.log(original);
    return {
      message: options.exposeInternals ? formatted.message : 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
