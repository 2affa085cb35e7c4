import type { EventStore } from '@jejak/event-store';
import type { SelectionSummary } from '@jejak/workflows';
import type { AuditProcedures } from './audit-procedure.js';
import { signCheckpoint, signedBytesOf, type SignedCheckpoint } from './checkpoint.js';
import { canonicalOf, gatherEvidence } from './evidence.js';
import { verifiersFor, type AuditSigner, type AuditVerifier } from './signing-key.js';
import type { StreamVerification } from './verify-stream.js';

export const BUNDLE_FORMAT = 'jejak-evidence-bundle';

/** One event as stored: the exact canonical bytes that were hashed, and its links. */
export type BundleEvent = {
  revision: number;
  id: string;
  type: string;
  recordedAt: string;
  canonical: string;
  prevHash: string;
  hash: string;
};

/** An evidence file in a bundle (`--with-files`): null content when it was missing at export. */
export type BundleFile = {
  sha256: string;
  mediaType: string;
  size: number;
  /** The stored bytes, base64; null when the store did not hold the file. */
  contentBase64: string | null;
};

/**
 * Evidence an auditor keeps and checks offline (`verifyBundle`): the events as stored, the head,
 * the state they fold to, a signed checkpoint of the head, and a signature over all of it.
 */
export type EvidenceBundle = {
  format: typeof BUNDLE_FORMAT;
  version: 1;
  selectionId: string;
  streamId: string;
  procedure: string;
  exportedAt: string;
  events: BundleEvent[];
  revision: number;
  headHash: string;
  claimedState: { state: string; summary: SelectionSummary };
  /** The service's verification when exporting (a broken stream is exported as evidence too). */
  verification: StreamVerification;
  checkpoint: SignedCheckpoint;
  publicKeyId: string;
  /** The evidence files the events refer to, when exported with them (signed with the rest). */
  files?: BundleFile[];
  /** Ed25519 over the RFC 8785 JSON of every other member, base64. */
  signature: string;
};

export async function exportBundle(
  store: EventStore,
  procedures: AuditProcedures,
  selectionId: string,
  options: {
    signer: AuditSigner;
    now: string;
    verifiers?: readonly AuditVerifier[];
    files?: readonly BundleFile[];
  },
): Promise<EvidenceBundle> {
  const { signer, now } = options;
  const evidence = await gatherEvidence(store, procedures, selectionId, {
    verifiers: options.verifiers ?? verifiersFor(signer),
  });
  const head = evidence.events.at(-1)!;
  const unsigned: Omit<EvidenceBundle, 'signature'> = {
    format: BUNDLE_FORMAT,
    version: 1,
    selectionId,
    streamId: evidence.streamId,
    procedure: evidence.procedure.kind,
    exportedAt: now,
    events: evidence.events.map((event) => ({
      revision: event.revision,
      id: event.id,
      type: event.type,
      recordedAt: event.recordedAt,
      canonical: canonicalOf(event),
      prevHash: event.prevHash,
      hash: event.hash,
    })),
    revision: head.revision,
    headHash: head.hash,
    claimedState: { state: evidence.summary.state, summary: evidence.summary },
    verification: evidence.verification,
    checkpoint: signCheckpoint(signer, {
      streamId: evidence.streamId,
      revision: head.revision,
      headHash: head.hash,
      checkpointedAt: now,
    }),
    publicKeyId: signer.keyId,
    ...(options.files === undefined ? {} : { files: [...options.files] }),
  };
  return { ...unsigned, signature: signer.sign(signedBytesOf(unsigned)) };
}
