import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from './domain-error';

/**
 * Hands domain errors straight to GraphQL (and `formatError`), so Nest does not log an expected
 * refusal as if it were a crash.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError, _host: ArgumentsHost): DomainError {
    return error;
  }
}
