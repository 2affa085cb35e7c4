import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@jejak/event-store';
import { checkpointAll, type CheckpointRun } from '../checkpoint-all.js';
import type { BundleFile } from '../evidence-bundle.js';
import { lastCheckpointTime } from '../checkpoint-stream.js';
import { exportSelection, type ExportedFile, type ExportFormat } from '../export-selection.js';
import { replayAt, type ReplayedState, type ReplayPoint } from '../replay-at.js';
import {
  trustedVerifiersFrom,
  verifiersFor,
  type AuditSigner,
  type AuditVerifier,
} from '../signing-key.js';
import { timeline, type Timeline } from '../timeline.js';
import { verifyAll, verifySelection, type VerifyAllLine } from '../verify-all.js';
import type { StreamVerification } from '../verify-stream.js';
import type { AuditModuleOptions } from './audit-module.options.js';
import { AUDIT_OPTIONS, AUDIT_SIGNER } from './audit.tokens.js';

export type PublicKeyView = { keyId: string; algorithm: 'Ed25519'; publicKeyPem: string };

/** The audit functions bound to the app's store, procedures, signing key and clock. */
@Injectable()
export class AuditService {
  private readonly now: () => string;
  readonly nowMs: () => number;
  /** The current key, then the trusted earlier keys (a bad AUDIT_TRUSTED_PUBLIC_KEYS fails boot). */
  private readonly verifiers: readonly AuditVerifier[];

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AUDIT_OPTIONS) private readonly options: AuditModuleOptions,
    @Inject(AUDIT_SIGNER) private readonly signer: AuditSigner,
  ) {
    const clock = options.clock ?? (() => new Date());
    this.now = () => clock().toISOString();
    this.nowMs = () => clock().getTime();
    this.verifiers = verifiersFor(signer, trustedVerifiersFrom(options.trustedPublicKeys));
  }

  private get verifyOptions() {
    return { verifiers: this.verifiers };
  }

  timeline(selectionId: string): Promise<Timeline> {
    return timeline(this.store, this.options.procedures, selectionId);
  }

  replay(selectionId: string, point: ReplayPoint): Promise<ReplayedState> {
    return replayAt(this.store, this.options.procedures, selectionId, point);
  }

  verify(selectionId: string): Promise<StreamVerification> {
    return verifySelection(this.store, selectionId, this.verifyOptions);
  }

  verifyAll(): AsyncGenerator<VerifyAllLine> {
    return verifyAll(this.store, this.verifyOptions);
  }

  /** `files` (json only): evidence files to include in the signed bundle. */
  export(
    selectionId: string,
    format: ExportFormat,
    options: { files?: readonly BundleFile[] } = {},
  ): Promise<ExportedFile> {
    return exportSelection(this.store, this.options.procedures, selectionId, format, {
      signer: this.signer,
      verifiers: this.verifiers,
      now: this.now(),
      ...(options.files === undefined ? {} : { files: options.files }),
    });
  }

  checkpointNow(): Promise<CheckpointRun> {
    return checkpointAll(this.store, this.signer, this.now(), this.verifiers);
  }

  lastCheckpointTime(): Promise<number | null> {
    return lastCheckpointTime(this.store);
  }

  publicKey(): PublicKeyView {
    return {
      keyId: this.signer.keyId,
      algorithm: 'Ed25519',
      publicKeyPem: this.signer.publicKeyPem,
    };
  }

  /** Key ids whose checkpoints verify: the current key first, then the trusted earlier ones. */
  trustedKeyIds(): string[] {
    return this.verifiers.map((verifier) => verifier.keyId);
  }
}
