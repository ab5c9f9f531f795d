import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
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
  // A folder made here is ours: owner only (one given by the user keeps its mode).
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const generated = randomBytes(Math.max(18, minLength)).toString('base64url');
  fs.writeFileSync(file, `${generated}\n`, { mode: 0o600 });
  return generated;
}

/**
 * A folder for what must not be read by other users of the machine (uploads, rejects, the local
 * database, reports): created owner-only, and made so if it exists. Files inside are written 0600 too,
 * but the folder's mode is what keeps out files a tool (Neo4j) creates with its own umask.
 */
export function ensurePrivateDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  return dir;
}

/**
 * An Ed25519 private key kept like the other generated secrets: read from the file (PKCS#8 PEM), or
 * generated on first start and written there (mode 0600, folder owner-only). Its public half is what
 * a court or a police force checks a dossier's signature against.
 */
export function resolveSigningKey(file: string): KeyObject {
  if (fs.existsSync(file)) return createPrivateKey(fs.readFileSync(file, 'utf8'));
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  // 'wx': two processes starting at once must not overwrite each other's key; the loser reads the winner's.
  try {
    fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return createPrivateKey(fs.readFileSync(file, 'utf8'));
    throw error;
  }
  return privateKey;
}
