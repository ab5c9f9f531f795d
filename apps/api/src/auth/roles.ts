import { SetMetadata } from '@nestjs/common';

export const ROLES = ['analyst', 'supervisor', 'liaison', 'brand_owner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLES_KEY = 'ringwatch:roles';
export const PUBLIC_KEY = 'ringwatch:public';

/** The roles that may call a route (any one suffices). Routes without it are refused: fail closed. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** A route anyone may call (health, docs, sign-in). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
