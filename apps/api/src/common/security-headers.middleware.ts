import type { NextFunction, Request, Response } from 'express';

/**
 * The explorer is one page of its own scripts and styles from this origin (sigma draws into canvas,
 * images may be data: or blob: URLs); Swagger UI at /docs loads its scripts as files and sets inline styles.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  // The layout's web worker is started from a blob: URL (graphology-layout-forceatlas2/worker).
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Built explorer files carry a content hash in their name (Vite's assets/): they may be cached. */
const STATIC_ASSETS = /^\/assets\//;

/**
 * Headers for every response: nothing the API answers (clusters, dossiers, identities) is kept in a
 * browser or proxy cache, no response is framed or sniffed into another type, and no address leaks in
 * a Referer. Strict-Transport-Security is left to the TLS terminator: the API itself speaks plain HTTP
 * on loopback, and HSTS sent over HTTP is ignored by browsers anyway.
 */
export function securityHeaders() {
  return (req: Request, res: Response, next: NextFunction): void => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    if (!STATIC_ASSETS.test(req.path)) res.setHeader('Cache-Control', 'no-store');
    next();
  };
}
