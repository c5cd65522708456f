import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { memoizeValidationMetadata } from '../validation/metadata-cache';
import { InvalidInputError } from './domain-error';

/** First failing constraint, depth first, with its dotted path (`country`, `items.2.title`). */
export function firstValidationProblem(errors: ValidationError[], prefix = ''): { field: string; message: string } | null {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) return { field, message: messages[0] };
    const nested = firstValidationProblem(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/** Parameters that carry client input: GraphQL arguments (`GqlParamtype.ARGS`) and HTTP body, query, params. */
const CLIENT_INPUT = new Set<unknown>([3, 'body', 'query', 'param']);

/**
 * The dotted path of the first string holding a NUL character, which PostgreSQL text cannot store
 * (it would fail as an internal error). Looks through plain objects and arrays only.
 */
export function findNulCharacter(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  const prototype = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = findNulCharacter(item, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}

class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (CLIENT_INPUT.has(metadata.type)) {
      // Paths are relative to the argument's object, as class-validator's are (`name`, `filter.search`).
      const field = findNulCharacter(value, typeof value === 'object' ? '' : (metadata.data ?? ''));
      if (field !== null) throw new InvalidInputError(field || metadata.data || 'input', 'Text must not contain NUL characters');
    }
    return super.transform(value, metadata);
  }
}

/** The global pipe: unknown fields are refused, and a failure is BAD_USER_INPUT naming the field. */
export function createValidationPipe(): ValidationPipe {
  memoizeValidationMetadata();
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const problem = firstValidationProblem(errors) ?? { field: 'input', message: 'Invalid input' };
      return new InvalidInputError(problem.field, problem.message);
    },
  });
}
