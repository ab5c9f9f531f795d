import { z } from 'zod';
import { ROLES } from '@ringwatch/permissions';

export const LoginSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type Login = z.infer<typeof LoginSchema>;

export const TokenSchema = z.object({ token: z.string(), expiresAt: z.string(), roles: z.array(z.enum(ROLES)), brands: z.array(z.string()) });

const password = z.string().min(12, 'must have at least 12 characters').max(200);
const roles = z.array(z.enum(ROLES)).min(1, 'needs at least one role');
const brands = z.array(z.string().min(1).max(80)).max(50);

export const NewUserSchema = z
  .object({
    username: z.string().regex(/^[a-z][a-z0-9._-]{2,63}$/, 'must be 3-64 lower-case letters, digits or ._- starting with a letter'),
    /** Left out: a password is generated and shown once in the answer. */
    password: password.optional(),
    roles,
    brands: brands.default([]),
  })
  .refine((u) => !u.roles.includes('brand_owner') || u.brands.length > 0, { message: 'a brand owner needs at least one brand', path: ['brands'] });
export type NewUser = z.infer<typeof NewUserSchema>;

/** A change to a user: any of roles, brands, activation. Each change revokes the user's tokens. */
export const UserChangeSchema = z
  .object({ roles: roles.optional(), brands: brands.optional(), active: z.boolean().optional() })
  .strict()
  .refine((c) => c.roles !== undefined || c.brands !== undefined || c.active !== undefined, { message: 'change at least one of roles, brands, active' });
export type UserChange = z.infer<typeof UserChangeSchema>;

/** A reset to the admin's choice, or (without `password`) to a generated one shown once in the answer. */
export const PasswordResetSchema = z.object({ password: password.optional() }).strict();

/** A password the system made: in the answer this once, never stored or logged in clear. */
export const GeneratedPasswordSchema = z.object({ username: z.string(), password: z.string() });

export const UsernameParamSchema = z.string().min(1).max(64);

export const UserSchema = z.object({
  username: z.string(),
  roles: z.array(z.enum(ROLES)),
  brands: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
});

/** A created user; `password` only when it was generated (shown this once). */
export const CreatedUserSchema = UserSchema.extend({ password: z.string().optional() });

export const PageQuerySchema = z.object({
  skip: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
