import type { EventStore } from '@jejak/event-store';
import { createEventStore } from '@jejak/event-store';
import {
  loadAuditSigner,
  trustedVerifiersFrom,
  type AuditProcedures,
  type AuditSigner,
  type AuditVerifier,
} from '@jejak/audit';
import { blobStoreOptionsFor, createBlobStore, type BlobStore } from '@jejak/documents';
import { procedures } from '@jejak/workflows';
import { loadApiConfig, type Env } from '../../../api/src/api.config.js';

/** What the audit commands need from the outside world (tests pass their own). */
export type AuditCliContext = {
  out(text: string): void;
  err(text: string): void;
  /** Draw a progress bar (stderr is a terminal and the output is not for a script). */
  isTTY: boolean;
  /** Opens the configured store; the command closes it. */
  openStore(): Promise<EventStore>;
  /** Opens the evidence-file store beside it (absent: files are not checked). */
  openBlobStore?(): Promise<BlobStore>;
  /** The service's signing key (AUDIT_SIGNING_KEY, or DATA_DIR/audit-signing-key.pem). */
  loadSigner(): AuditSigner;
  /** Earlier signing keys still trusted after a rotation (AUDIT_TRUSTED_PUBLIC_KEYS). */
  loadTrustedKeys(): AuditVerifier[];
  procedures: AuditProcedures;
  now(): Date;
};

/**
 * The context of a real run: the same configuration as the API (`loadApiConfig`, so the CLI
 * works directly on the store the service uses, with no server), writing to the process.
 */
export function auditCliContext(
  env: Env,
  io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream },
): AuditCliContext {
  const config = loadApiConfig(env);
  return {
    out: (text) => io.stdout.write(text),
    err: (text) => io.stderr.write(text),
    isTTY: io.stderr.isTTY,
    openStore: () => createEventStore(config.eventStore),
    openBlobStore: () => createBlobStore(blobStoreOptionsFor(config.eventStore, config.dataDir)),
    loadSigner: () =>
      loadAuditSigner({
        dataDir: config.dataDir,
        ...(config.audit.signingKeyPem === undefined
          ? {}
          : { privateKeyPem: config.audit.signingKeyPem }),
      }),
    loadTrustedKeys: () => trustedVerifiersFrom(config.audit.trustedPublicKeys),
    procedures,
    now: () => new Date(),
  };
}
