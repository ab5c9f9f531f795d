import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { PUBLIC_KEY, ROLES_KEY, type Role } from './roles';
import { TokenSigner, type TokenClaims } from './tokens';

export type AuthenticatedRequest = Request & { user?: TokenClaims };

/**
 * Every route declares who may call it: @Public() or @Roles(...). A route with neither is refused to
 * everyone, so forgetting the declaration can never open a route. 401: no valid token; 403: valid
 * token, wrong role.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenSigner) private readonly tokens: TokenSigner,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.header('authorization') ?? '';
    const claims = header.startsWith('Bearer ') ? this.tokens.verify(header.slice(7).trim()) : null;
    if (claims === null) throw new UnauthorizedException('sign in first: send Authorization: Bearer <token> from POST /auth/login');
    request.user = claims;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!allowed || !claims.roles.some((r) => allowed.includes(r))) {
      throw new ForbiddenException(allowed ? `needs one of the roles: ${allowed.join(', ')}` : 'this route declares no role');
    }
    return true;
  }
}
