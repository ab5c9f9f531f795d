import { createHmac, timingSafeEqual } from 'node:crypto';
import { ROLES, type Role } from '@ringwatch/permissions';

/** A signed, expiring sign-in token: `v1.<payload>.<HMAC-SHA256>` (base64url). */
export interface TokenClaims {
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly brands: readonly string[];
  /**
   * The account's token version when the token was issued. Every request compares it with the version on
   * the User node; deactivation, role change, password reset, deletion and sign-out bump that, so tokens
   * issued before stop working at once instead of living out their expiry.
   */
  readonly ver: number;
  /** Expiry, seconds since the epoch. */
  readonly exp: number;
}

export class TokenSigner {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  sign(claims: Omit<TokenClaims, 'exp'>): { token: string; expiresAt: string } {
    const exp = Math.floor(this.now() / 1000) + this.ttlSeconds;
    const payload = Buffer.from(JSON.stringify({ ...claims, exp })).toString('base64url');
    return { token: `v1.${payload}.${this.mac(payload)}`, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** The claims of a genuine, unexpired token; null otherwise (no reason given to the caller). */
  verify(token: string): TokenClaims | null {
    const [version, payload, signature] = token.split('.');
    if (version !== 'v1' || !payload || !signature) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return null;
    }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= this.now()) return null;
    // Tokens from before versions existed carry none: they cannot be checked against the account, so they are refused.
    if (!Number.isSafeInteger(claims.ver)) return null;
    if (!Array.isArray(claims.roles) || !claims.roles.every((r) => (ROLES as readonly string[]).includes(r))) return null;
    return claims;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
