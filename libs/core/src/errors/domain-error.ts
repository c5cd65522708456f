/**
 * What went wrong, in the client's terms. `formatError` maps each kind to the GraphQL error code
 * (`extensions.code`); the stable `reason` tells clients exactly which rule refused the request.
 */
export type ErrorKind = 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'INVALID' | 'UNAUTHENTICATED' | 'RATE_LIMITED';

export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;

  constructor(
    /** Stable, machine-readable reason, e.g. `ORGANIZATION_NAME_TAKEN`. */
    readonly reason: string,
    message: string,
    /** The offending input field, for INVALID (and CONFLICT on a unique field). */
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'NOT_FOUND';
  constructor(what: string, reason = `${what.toUpperCase().replace(/\s+/g, '_')}_NOT_FOUND`) {
    super(reason, `${what[0].toUpperCase()}${what.slice(1)} not found`);
  }
}

export class ForbiddenError extends DomainError {
  readonly kind = 'FORBIDDEN';
  constructor(message = 'You may not do this', reason = 'FORBIDDEN') {
    super(reason, message);
  }
}

export class ConflictError extends DomainError {
  readonly kind = 'CONFLICT';
  constructor(reason: string, message: string, field?: string) {
    super(reason, message, field);
  }
}

export class InvalidInputError extends DomainError {
  readonly kind = 'INVALID';
  constructor(field: string, message: string, reason = 'INVALID_INPUT') {
    super(reason, message, field);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly kind = 'UNAUTHENTICATED';
  constructor(message = 'Sign in first', reason = 'UNAUTHENTICATED') {
    super(reason, message);
  }
}

export class RateLimitedError extends DomainError {
  readonly kind = 'RATE_LIMITED';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    /** Which limit: `RATE_LIMITED` for the sign-in limits, `EXPORT_LIMIT` for exports in flight. */
    reason = 'RATE_LIMITED',
  ) {
    super(reason, message);
  }
}

/** PostgreSQL unique_violation, optionally on one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = (error as { driverError?: { code?: string; constraint?: string }; code?: string; constraint?: string }) ?? {};
  const source = pg.driverError ?? pg;
  return source.code === '23505' && (constraint === undefined || source.constraint === constraint);
}
