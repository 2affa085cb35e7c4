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

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/**
 * The public keys of earlier signing keys, still trusted after a rotation
 * (`AUDIT_TRUSTED_PUBLIC_KEYS`): PEM blocks one after the other (newlines may be written as \n),
 * or the path of a file holding them. Each must be an Ed25519 `PUBLIC KEY`; a private key is
 * refused (it does not belong in a list that may sit in a ConfigMap).
 */
export function trustedVerifiersFrom(value: string | undefined): AuditVerifier[] {
  const configured = value?.trim();
  if (!configured) return [];
  const text = configured.includes('-----BEGIN')
    ? configured.replace(/\\n/g, '\n')
    : readTrustedKeysFile(configured);
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (blocks.length === 0) {
    throw new InvalidSigningKeyError('AUDIT_TRUSTED_PUBLIC_KEYS holds no PEM public key');
  }
  return blocks.map(([pem, label], index) => {
    if (label !== 'PUBLIC KEY') {
      throw new InvalidSigningKeyError(
        `AUDIT_TRUSTED_PUBLIC_KEYS: block ${index + 1} is a ${label ?? 'PEM block'}, not a PUBLIC KEY (jejak audit public-key prints one)`,
      );
    }
    try {
      return verifierFromPem(pem);
    } catch (error) {
      throw new InvalidSigningKeyError(
        `AUDIT_TRUSTED_PUBLIC_KEYS: key ${index + 1}: ${(error as Error).message}`,
      );
    }
  });
}

function readTrustedKeysFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InvalidSigningKeyError(
      `AUDIT_TRUSTED_PUBLIC_KEYS is neither PEM nor a readable file (${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    );
  }
}

/**
 * Who vouches for a checkpoint: the current signing key first, then the trusted earlier keys
 * (each key once). Checkpoints signed by any other key stay `unknown-key`.
 */
export function verifiersFor(
  signer: AuditSigner,
  trusted: readonly AuditVerifier[] = [],
): AuditVerifier[] {
  const current = verifierOf(signer);
  return [current, ...trusted.filter((verifier) => verifier.keyId !== current.keyId)];
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
