import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@ringwatch/permissions';

export const PERMISSION_KEY = 'ringwatch:permission';
export const PUBLIC_KEY = 'ringwatch:public';

/**
 * The permission a route needs (@ringwatch/permissions says which roles hold it). Routes with neither
 * this nor @Public() are refused: fail closed.
 */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);
/** A route anyone may call (health, docs, sign-in). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
