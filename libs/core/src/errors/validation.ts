import { ValidationError, ValidationPipe } from '@nestjs/common';
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

/** The global pipe: unknown fields are refused, and a failure is BAD_USER_INPUT naming the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
