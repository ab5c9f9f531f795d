import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A secret given in the environment, or else one generated on first use and kept (mode 0600) in a
 * file, so a single-machine installation needs no setup and keeps the same secret across restarts.
 * Used only where the configuration allows it (the local, embedded-default setup).
 */
export function resolveGeneratedSecret(file: string, fromEnv: string | undefined, minLength = 8): string {
  if (fromEnv !== undefined) return fromEnv;
  if (fs.existsSync(file)) {
    const stored = fs.readFileSync(file, 'utf8').trim();
    if (stored.length >= minLength) return stored;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const generated = randomBytes(Math.max(18, minLength)).toString('base64url');
  fs.writeFileSync(file, `${generated}\n`, { mode: 0o600 });
  return generated;
}
