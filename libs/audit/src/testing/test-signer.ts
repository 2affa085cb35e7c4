import { generateKeyPairSync } from 'node:crypto';
import { signerFromPem, type AuditSigner } from '../signing-key.js';

/** A fresh Ed25519 key in memory, with its private PEM (for the CLI and API under test). */
export function aTestSigner(): AuditSigner & { privateKeyPem: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return Object.assign(signerFromPem(privateKeyPem), { privateKeyPem });
}
