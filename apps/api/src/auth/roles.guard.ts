import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasPermission, PERMISSIONS, type Permission } from '@ringwatch/permissions';
import type { Request } from 'express';
import { PERMISSION_KEY, PUBLIC_KEY } from './roles';
import { TokenSigner, type TokenClaims } from './tokens';
import { UsersRepository } from './users.repository';

export type AuthenticatedRequest = Request & { user?: TokenClaims; id?: string };

/**
 * Every route declares who may call it: @Public() or @RequirePermission(...), checked against the
 * permission table. A route with neither is refused to everyone, so forgetting the declaration can
 * never open a route. 401: no valid token, or one its account no longer honours (deleted, deactivated, or
 * its token version bumped by a role change, password reset or sign-out); 403: valid token, the roles do
 * not grant the permission. The account is read on every request, uncached, so a revocation holds from the
 * very next request on every process.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenSigner) private readonly tokens: TokenSigner,
    @Inject(UsersRepository) private readonly users: Pick<UsersRepository, 'tokenState'>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.header('authorization') ?? '';
    const claims = header.startsWith('Bearer ') ? this.tokens.verify(header.slice(7).trim()) : null;
    if (claims === null) throw new UnauthorizedException('sign in first: send Authorization: Bearer <token> from POST /auth/login');
    const account = await this.users.tokenState(claims.sub);
    if (account === null || !account.active || account.tokenVersion !== claims.ver) {
      throw new UnauthorizedException('this sign-in has been revoked: sign in again with POST /auth/login');
    }
    request.user = claims;
    const needed = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (needed === undefined) throw new ForbiddenException('this route declares no permission');
    assertPermission(claims.roles, needed);
    return true;
  }
}

/** The 403 of a caller whose roles do not grant the permission (the guard's, and a handler's for a choice within a route). */
export function assertPermission(roles: readonly string[], needed: Permission): void {
  if (!hasPermission(roles, needed)) {
    throw new ForbiddenException(`needs the permission ${needed} (${PERMISSIONS[needed]}), which the roles ${roles.join(', ') || '(none)'} do not grant`);
  }
}
