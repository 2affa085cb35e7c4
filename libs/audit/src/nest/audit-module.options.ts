import type { AuditProcedures } from '../audit-procedure.js';

/** What the app passes from its own config (the lib never reads the environment). */
export type AuditModuleOptions = {
  procedures: AuditProcedures;
  /** `AUDIT_SIGNING_KEY` (PEM, Ed25519); without it a key is generated once into `dataDir`. */
  signingKeyPem?: string;
  /**
   * `AUDIT_TRUSTED_PUBLIC_KEYS`: public keys of earlier signing keys (PEM blocks, or a file of
   * them) whose checkpoints still verify after a key rotation (`trustedVerifiersFrom`).
   */
  trustedPublicKeys?: string;
  dataDir: string;
  /** Milliseconds between signed checkpoints; null: no periodic checkpoints in this process. */
  checkpointIntervalMs: number | null;
  /** Redis for the BullMQ job scheduler; unset or silent: a plain timer. */
  redisUrl?: string;
  redisPrefix?: string;
  /** Names the checkpoint queue after the store (see `storeKeyOf`). */
  storeKey?: string;
  /** Work the checkpoint jobs in this process (default true). */
  runCheckpointWorker?: boolean;
  clock?: () => Date;
};
