import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@ringwatch/permissions';
import type { AuthenticatedRequest } from '../auth/roles.guard';

/**
 * The signed-in caller: who (for the audit trail), with which roles and brands (for the permission
 * table and the brand portal), and the request that carried the call.
 */
export interface Actor {
  readonly name: string;
  readonly roles: readonly Role[];
  readonly brands: readonly string[];
  readonly requestId: string | null;
}

/** The caller of a guarded route, as a parameter: `@Actor() actor: Actor`. */
export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  // The guard has verified the token before any handler runs; only a @Public() route has no user.
  if (request.user === undefined) throw new Error('@Actor() on a route without a signed-in user (a @Public() route?)');
  const { sub, roles, brands } = request.user;
  return { name: sub, roles, brands, requestId: request.id ?? null };
});
