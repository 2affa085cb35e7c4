import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor, Role } from '@jejak/workflows';
import { RoleNotAllowedError } from '../auth.errors.js';
import type { AuthenticatedRequest } from './authenticated-request.js';
import { ALLOWED_ROLES } from './auth.tokens.js';

/** Throws `RoleNotAllowedError` (403, listing `allowed`) unless the actor's role is allowed. */
export function assertRoleAllowed(actor: Actor, allowed: readonly Role[], action?: string): void {
  if (!allowed.includes(actor.role)) throw new RoleNotAllowedError(actor.role, allowed, action);
}

/** Global guard after `JwtAuthGuard`: enforces `@Roles(...)` where a route declares it. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (allowed === undefined || context.getType() !== 'http') return true;
    const { actor } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (actor !== undefined) assertRoleAllowed(actor, allowed);
    return true;
  }
}
