import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { actorFor } from '../actor.js';
import { AuthenticationRequiredError } from '../auth.errors.js';
import { ROLE_HEADER } from '../roles.js';
import type { TokenVerifier } from '../verify-token.js';
import type { AuthenticatedRequest } from './authenticated-request.js';
import { IS_PUBLIC, TOKEN_VERIFIER } from './auth.tokens.js';

function header(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The bearer token of `Authorization: Bearer <token>`, if any. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

/**
 * Global guard: every route needs a valid bearer token unless marked `@Public()`. Sets
 * `request.principal` and `request.actor` (the role from `X-Jejak-Role`, default the token's
 * first). Throws `AuthError`s; the problem-details filter answers 401/403/503.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verify: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic === true) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(header(request, 'authorization'));
    if (token === undefined) throw new AuthenticationRequiredError();
    const principal = await this.verify(token);
    request.principal = principal;
    request.actor = actorFor(principal, header(request, ROLE_HEADER));
    return true;
  }
}
