import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { ValidatorOptions } from 'class-validator';
import { memoizeValidationMetadata } from '../validation/metadata-cache';
import { quicklyValid } from '../validation/quick-validity';
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

/**
 * Parameters that carry client input: HTTP body, query and params, and GraphQL arguments, which reach
 * pipes as `body` (Nest maps `GqlParamtype.ARGS`, 3, to the HTTP body's type).
 */
const CLIENT_INPUT = new Set<unknown>(['body', 'query', 'param']);

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

/** Longest JSON text of an arguments object whose validity is remembered. */
const MEMO_KEY_LIMIT = 512;
/** Distinct valid arguments remembered per class before the class's memo starts afresh. */
const MEMO_PER_CLASS = 1000;

/**
 * The JSON text of a value made only of strings, finite numbers, booleans, null, arrays and plain objects
 * (what GraphQL argument coercion produces), or null when it holds anything else (undefined, a Date, a
 * class instance, a prototype key, an array with gaps) or is long: only such values are remembered as valid.
 */
export function plainKey(value: unknown): string | null {
  const plain = (item: unknown, depth: number): boolean => {
    if (item === null || typeof item === 'string' || typeof item === 'boolean') return true;
    if (typeof item === 'number') return Number.isFinite(item);
    if (typeof item !== 'object' || depth > 8) return false;
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) if (!(i in item) || !plain(item[i], depth + 1)) return false;
      return true;
    }
    const prototype = Object.getPrototypeOf(item);
    if (prototype !== Object.prototype && prototype !== null) return false;
    for (const key of Object.keys(item)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') return false;
      if (!plain((item as Record<string, unknown>)[key], depth + 1)) return false;
    }
    return true;
  };
  if (!plain(value, 0)) return null;
  const key = JSON.stringify(value);
  return key.length <= MEMO_KEY_LIMIT ? key : null;
}

class InputValidationPipe extends ValidationPipe {
  /**
   * Whole arguments objects (`@Args()` of an `@ArgsType` class: page size, cursor, filter, order; or a
   * whole REST body) that passed, by class and JSON text. Clients send the same few over and over, and
   * validation is a pure function of the class and the value, so a value seen valid is only transformed,
   * not validated again (22 → 4 µs for `{ first: 50 }`). Named arguments (`@Args('input')`, the
   * mutations' inputs) are always validated.
   */
  private readonly validArguments = new Map<unknown, Set<string>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    const key = metadata.type === 'body' && metadata.data === undefined && metatype && this.toValidate(metadata) ? plainKey(value) : null;
    let valid = key === null ? undefined : this.validArguments.get(metatype);
    // The same JSON text passed every check below before, the NUL check included.
    if (key !== null && metatype && valid?.has(key)) return plainToInstance(metatype, value, this.transformOptions);
    if (CLIENT_INPUT.has(metadata.type)) {
      // Paths are relative to the argument's object, as class-validator's are (`name`, `filter.search`).
      const field = findNulCharacter(value, typeof value === 'object' ? '' : (metadata.data ?? ''));
      if (field !== null) throw new InvalidInputError(field || metadata.data || 'input', 'Text must not contain NUL characters');
    }
    const transformed = await super.transform(value, metadata);
    if (key !== null) {
      if (!valid || valid.size >= MEMO_PER_CLASS) this.validArguments.set(metatype, (valid = new Set()));
      valid.add(key);
    }
    return transformed;
  }

  /** What passes every rule is known without class-validator's bookkeeping; the rest gets its errors. */
  protected override validate(object: object, validatorOptions?: ValidatorOptions) {
    return quicklyValid(object, validatorOptions) ? [] : super.validate(object, validatorOptions);
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
