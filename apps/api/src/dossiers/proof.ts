import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { unzipSync } from 'fflate';

/**
 * A dossier zip proves itself: manifest.json lists every other file with its SHA-256, manifest.sig is
 * the raw 64-byte Ed25519 signature of manifest.json's exact bytes, and signing-key.pem is the public
 * key (SPKI PEM) whose id (the SHA-256 of its DER) the API serves. Anything that speaks Ed25519 checks
 * it: this module, `npm run verify-dossier`, or openssl (docs/dossier-verification.md).
 */
export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
export const PUBLIC_KEY = 'signing-key.pem';

export const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

export interface SigningKey {
  /** SHA-256 of the public key's DER (SPKI): what a verifier compares against the key the API serves. */
  keyId: string;
  publicKeyPem: string;
  sign(data: Uint8Array): Buffer;
}

export function signingKey(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: sha256(publicKey.export({ type: 'spki', format: 'der' })),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (data) => sign(null, data, privateKey),
  };
}

export interface Verification {
  ok: boolean;
  keyId: string | null;
  problems: string[];
  files: number;
}

/**
 * Checks a dossier zip: the signature of the manifest against the key in the zip (and, when given,
 * that this is the trusted key), then every listed file's SHA-256 and size, and that the zip holds no
 * file the manifest does not list.
 */
export function verifyDossierZip(zip: Uint8Array, trustedPublicKeyPem?: string): Verification {
  const problems: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch (error) {
    return { ok: false, keyId: null, problems: [`not a readable zip: ${(error as Error).message}`], files: 0 };
  }
  const manifestBytes = files[MANIFEST];
  const signature = files[SIGNATURE];
  const keyPem = files[PUBLIC_KEY];
  if (!manifestBytes || !signature || !keyPem)
    return { ok: false, keyId: null, problems: [`missing ${[MANIFEST, SIGNATURE, PUBLIC_KEY].filter((n) => !files[n]).join(', ')}`], files: 0 };
  let keyId: string | null = null;
  try {
    const key = createPublicKey(Buffer.from(keyPem).toString('utf8'));
    keyId = sha256(key.export({ type: 'spki', format: 'der' }));
    if (trustedPublicKeyPem !== undefined) {
      const trusted = sha256(createPublicKey(trustedPublicKeyPem).export({ type: 'spki', format: 'der' }));
      if (trusted !== keyId) problems.push(`signed with key ${keyId}, not the trusted key ${trusted}`);
    }
    if (!verify(null, manifestBytes, key, signature)) problems.push('the manifest signature does not verify');
  } catch (error) {
    problems.push(`the signature or key cannot be read: ${(error as Error).message}`);
  }
  let listed: { name: string; sha256: string; bytes: number }[] = [];
  try {
    listed = (JSON.parse(Buffer.from(manifestBytes).toString('utf8')) as { files: typeof listed }).files ?? [];
  } catch {
    problems.push('the manifest is not JSON');
  }
  for (const f of listed) {
    const data = files[f.name];
    if (!data) problems.push(`${f.name}: listed but missing`);
    else if (data.length !== f.bytes || sha256(data) !== f.sha256) problems.push(`${f.name}: SHA-256 or size differs from the manifest`);
  }
  const known = new Set([...listed.map((f) => f.name), MANIFEST, SIGNATURE, PUBLIC_KEY]);
  for (const name of Object.keys(files)) if (!known.has(name)) problems.push(`${name}: in the zip but not in the manifest`);
  return { ok: problems.length === 0, keyId, problems, files: listed.length };
}
