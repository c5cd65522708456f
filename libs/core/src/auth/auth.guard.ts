import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UnauthenticatedError } from '../errors';
import { gqlContext, IS_PUBLIC } from '../graphql/context';

/** Secure by default: every GraphQL operation needs a signed-in viewer unless marked `@Public()`. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const ctx = gqlContext(context);
    if (!ctx.viewer) throw new UnauthenticatedError(ctx.authProblem ?? 'Sign in first');
    return true;
  }
}
