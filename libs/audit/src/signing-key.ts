import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InvalidSigningKeyError } from './audit.errors.js';

export const SIGNING_KEY_FILE = 'audit-signing-key.pem';

/** Ed25519 signatures over bytes; the key id is the SHA-256 (hex) of the public key (SPKI DER). */
export type AuditSigner = {
  readonly keyId: string;
  readonly publicKeyPem: string;
  sign(bytes: string): string;
};

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

export function signerFromPem(privateKeyPem: string): AuditSigner {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(privateKeyPem);
  } catch {
    throw new InvalidSigningKeyError('AUDIT_SIGNING_KEY is not a PEM private key');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new InvalidSigningKeyError(
      `AUDIT_SIGNING_KEY must be an Ed25519 key, got ${privateKey.asymmetricKeyType ?? 'unknown'}`,
    );
  }
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (bytes) => sign(null, Buffer.from(bytes, 'utf8'), privateKey).toString('base64'),
  };
}

/** A public key an auditor holds: verifies signatures made by the matching signer. */
export type AuditVerifier = {
  readonly keyId: string;
  verify(bytes: string, signature: string): boolean;
};

export function verifierFromPem(publicKeyPem: string): AuditVerifier {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(publicKeyPem);
  } catch {
    throw new InvalidSigningKeyError('Not a PEM public key');
  }
  if (publicKey.asymmetricKeyType !== 'ed25519') {
    throw new InvalidSigningKeyError('The public key is not an Ed25519 key');
  }
  return {
    keyId: keyIdOf(publicKey),
    verify: (bytes, signature) => {
      try {
        return verify(
          null,
          Buffer.from(bytes, 'utf8'),
          publicKey,
          Buffer.from(signature, 'base64'),
        );
      } catch {
        return false;
      }
    },
  };
}

export function verifierOf(signer: AuditSigner): AuditVerifier {
  return verifierFromPem(signer.publicKeyPem);
}

function readOrCreate(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    // 'wx': never overwrite a key another process wrote first; 0600: owner only.
    writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(path, 'utf8');
  }
}

/**
 * The signing key: the configured PEM (`AUDIT_SIGNING_KEY`), or, without one, a key generated
 * once into `<dataDir>/audit-signing-key.pem` (mode 0600) and reused on every later start.
 */
export function loadAuditSigner(options: { privateKeyPem?: string; dataDir: string }): AuditSigner {
  const configured = options.privateKeyPem?.trim();
  if (configured) return signerFromPem(configured.replace(/\\n/g, '\n'));
  return signerFromPem(readOrCreate(join(options.dataDir, SIGNING_KEY_FILE)));
}
