import { GENESIS_HASH, type EventStore, type VerifyResult } from '@jejak/event-store';
import { anchoredHashes, type SignedCheckpoint } from './checkpoint.js';

export type BreakReason = 'altered' | 'missing' | 'reordered';

export type StreamVerification = {
  ok: boolean;
  streamId: string;
  eventsChecked: number;
  /** The head hash when intact; the hash of the last intact event before a break. */
  headHash: string;
  brokenAt?: number;
  reason?: BreakReason;
  detail?: string;
  /** `chain`: the hash chain broke; `checkpoint`: a signed checkpoint vouches for other bytes. */
  caughtBy?: 'chain' | 'checkpoint';
  /** Signed checkpoints this stream was compared with. */
  checkpointsChecked: number;
  /**
   * Checkpoints of this stream signed by a key not trusted here (e.g. a rotated key missing from
   * AUDIT_TRUSTED_PUBLIC_KEYS): not compared. Present only when there are some (`verifySelection`).
   */
  unverifiedCheckpoints?: number;
};

type Mismatch = { brokenAt: number; reason: BreakReason; detail: string };

async function storedHashes(
  store: EventStore,
  streamId: string,
): Promise<Map<number, string> | null> {
  try {
    const events = await store.readStream(streamId);
    return new Map(events.map((event) => [event.revision, event.hash]));
  } catch {
    return null; // unreadable rows: the chain verdict already says where
  }
}

/**
 * The first revision a checkpoint does not vouch for: anchors before the first mismatch match,
 * so the rewrite began right after the last matching anchor (exact when checkpoints list every
 * hash, as the periodic ones do).
 */
function firstMismatch(
  stored: Map<number, string>,
  checkpoints: readonly SignedCheckpoint[],
): Mismatch | null {
  const anchors = checkpoints.flatMap((checkpoint) =>
    [...anchoredHashes(checkpoint)].map(([revision, hash]) => ({ revision, hash, checkpoint })),
  );
  anchors.sort((a, b) => a.revision - b.revision);
  let lastMatching = -1;
  for (const { revision, hash, checkpoint } of anchors) {
    const found = stored.get(revision);
    if (found === hash) {
      lastMatching = Math.max(lastMatching, revision);
      continue;
    }
    const signed = `the checkpoint signed ${checkpoint.checkpointedAt} (key ${checkpoint.keyId.slice(0, 16)})`;
    if (found === undefined) {
      let missing = lastMatching + 1;
      while (stored.has(missing) && missing < revision) missing += 1;
      return {
        brokenAt: missing,
        reason: 'missing',
        detail: `revision ${missing} is absent; ${signed} vouches for revision ${revision}`,
      };
    }
    const brokenAt = lastMatching + 1;
    // Without a hash for each revision, the rewrite began somewhere in brokenAt..revision.
    const span =
      brokenAt === revision
        ? `revision ${revision} was rewritten`
        : `history was rewritten from a revision between ${brokenAt} and ${revision}`;
    return { brokenAt, reason: 'altered', detail: `${span}: hashes differ from ${signed}` };
  }
  return null;
}

/**
 * Verifies a stream twice: its hash chain (altered content, a gap, a reordering) and against the
 * signed checkpoints given (a rewrite that recomputed every later hash, or a deleted tail).
 */
export async function verifyStreamAgainst(
  store: EventStore,
  streamId: string,
  checkpoints: readonly SignedCheckpoint[],
): Promise<StreamVerification> {
  const chain: VerifyResult = await store.verifyStream(streamId);
  const checked = { checkpointsChecked: checkpoints.length };
  const stored = checkpoints.length === 0 ? null : await storedHashes(store, streamId);
  const mismatch = stored === null ? null : firstMismatch(stored, checkpoints);
  if (mismatch && (chain.ok || mismatch.brokenAt < chain.brokenAt)) {
    const headHash =
      mismatch.brokenAt === 0 ? GENESIS_HASH : (stored!.get(mismatch.brokenAt - 1) ?? GENESIS_HASH);
    return {
      ok: false,
      streamId,
      eventsChecked: mismatch.brokenAt,
      headHash,
      ...mismatch,
      caughtBy: 'checkpoint',
      ...checked,
    };
  }
  if (chain.ok) return { ...chain, ...checked };
  const { brokenAt, reason, detail, eventsChecked, headHash } = chain;
  return {
    ok: false,
    streamId,
    eventsChecked,
    headHash,
    brokenAt,
    reason,
    ...(detail === undefined ? {} : { detail }),
    caughtBy: 'chain',
    ...checked,
  };
}
