import type { AuthenticatedRequest } from '../auth/roles.guard';

/** Who changes state, for the audit trail: the signed-in user and the request that carried the change. */
export interface Actor {
  readonly name: string;
  readonly requestId: string | null;
}

export function actorOf(request: AuthenticatedRequest & { id?: string }): Actor {
  return { name: request.user!.sub, requestId: request.id ?? null };
}
