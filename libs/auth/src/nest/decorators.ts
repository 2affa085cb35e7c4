import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor, Role } from '@jejak/workflows';
import { AuthenticationRequiredError } from '../auth.errors.js';
import type { AuthenticatedRequest } from './authenticated-request.js';
import { ALLOWED_ROLES, IS_PUBLIC } from './auth.tokens.js';

/** The route (or every route of the controller) is served without a token: `/health`, `/docs`. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Only these roles may call the route (checked by the global `RolesGuard`, 403 listing them).
 * Routes whose roles depend on the request (a command's roles per procedure) check with
 * `assertRoleAllowed(actor, roles)` instead.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/**
 * `@CurrentActor() actor: Actor`: the verified caller acting in one role, to be put on the
 * command's metadata (never taken from the body).
 */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor => {
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (actor === undefined) throw new AuthenticationRequiredError();
    return actor;
  },
);
