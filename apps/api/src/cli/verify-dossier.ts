import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyDossierZip } from '../dossiers/proof';

/**
 * verify-dossier — `npm run verify-dossier -- dossier.zip [--key signing-key.pem]`: checks the
 * manifest's Ed25519 signature and every file's SHA-256. With --key (the public key the installation
 * serves at GET /dossiers/signing-key), also that the zip was signed by that key. Exit 0 only when
 * everything verifies.
 */
const { values, positionals } = parseArgs({ allowPositionals: true, options: { key: { type: 'string' } } });
if (positionals.length !== 1) {
  console.error('usage: npm run verify-dossier -- dossier.zip [--key signing-key.pem]');
  process.exit(2);
}
const result = verifyDossierZip(new Uint8Array(fs.readFileSync(positionals[0]!)), values.key ? fs.readFileSync(values.key, 'utf8') : undefined);
if (result.ok) {
  console.log(
    `verified: signature by key ${result.keyId}${values.key ? ' (the trusted key)' : ' (the key in the zip: compare its id with GET /dossiers/signing-key)'}; ${result.files} files match the manifest`,
  );
} else {
  console.error(`NOT VERIFIED${result.keyId ? ` (key ${result.keyId})` : ''}:`);
  for (const p of result.problems) console.error(`- ${p}`);
  process.exit(1);
}
