import type { Actor } from '@jejak/workflows';
import type { Principal } from '../actor.js';

/** What `JwtAuthGuard` adds to the request it lets through (any HTTP adapter's request). */
export type AuthenticatedRequest = {
  headers: Record<string, string | string[] | undefined>;
  /** The verified token's principal: every role it grants. */
  principal?: Principal;
  /** The principal acting in one role (`X-Jejak-Role`, or the token's first role). */
  actor?: Actor;
};
