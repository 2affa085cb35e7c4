import { canonicalJson } from '@jejak/event-store';
import type { AuditSigner, AuditVerifier } from './signing-key.js';

/**
 * A signed statement: "at `checkpointedAt`, stream `streamId` had `revision` as its head with
 * `headHash`". Periodic checkpoints also list the hash of every event since the stream's previous
 * checkpoint (`fromRevision`..`revision`), so a re-hashed rewrite is pinned to its first revision.
 */
export type CheckpointPayload = {
  streamId: string;
  revision: number;
  headHash: string;
  checkpointedAt: string;
  keyId: string;
  fromRevision?: number;
  hashes?: string[];
};

export type SignedCheckpoint = CheckpointPayload & { signature: string };

/** The bytes that are signed: RFC 8785 canonical JSON of everything but the signature. */
export function signedBytesOf(value: Record<string, unknown>): string {
  const { signature: _signature, ...rest } = value;
  return canonicalJson(rest);
}

export function signCheckpoint(
  signer: AuditSigner,
  payload: Omit<CheckpointPayload, 'keyId'>,
): SignedCheckpoint {
  const unsigned: CheckpointPayload = { ...payload, keyId: signer.keyId };
  return { ...unsigned, signature: signer.sign(signedBytesOf(unsigned)) };
}

export type CheckpointCheck = 'valid' | 'forged' | 'unknown-key';

/** `unknown-key`: signed by a key we do not hold (cannot be trusted nor refuted). */
export function checkCheckpoint(
  checkpoint: SignedCheckpoint,
  verifiers: readonly AuditVerifier[],
): CheckpointCheck {
  const verifier = verifiers.find((candidate) => candidate.keyId === checkpoint.keyId);
  if (!verifier) return 'unknown-key';
  return verifier.verify(signedBytesOf(checkpoint), checkpoint.signature) ? 'valid' : 'forged';
}

/** The hash the checkpoint vouches for at each revision it covers. */
export function anchoredHashes(checkpoint: SignedCheckpoint): Map<number, string> {
  const anchors = new Map<number, string>();
  const from = checkpoint.fromRevision;
  checkpoint.hashes?.forEach((hash, index) => {
    if (from !== undefined) anchors.set(from + index, hash);
  });
  anchors.set(checkpoint.revision, checkpoint.headHash);
  return anchors;
}
