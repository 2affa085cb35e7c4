import { StreamRevisionConflictError, type EventStore } from '@jejak/event-store';
import { signCheckpoint, type SignedCheckpoint } from './checkpoint.js';
import {
  appendCheckpoints,
  CHECKPOINT_STREAM,
  readCheckpoints,
  trustedByStream,
} from './checkpoint-stream.js';
import { verifiersFor, type AuditSigner, type AuditVerifier } from './signing-key.js';
import { verifyStreamAgainst, type StreamVerification } from './verify-stream.js';

/** Hashes per checkpoint event: keeps each far below the store's 1 MiB per event. */
const HASHES_PER_CHECKPOINT = 5_000;
const EVENTS_PER_APPEND = 1_000;

export type CheckpointRun = {
  checkpointedAt: string;
  /** Streams whose head advanced and got a new signed checkpoint. */
  checkpointed: { streamId: string; revision: number; headHash: string }[];
  /** Streams that failed verification: never vouched for (that would bless the damage). */
  refused: StreamVerification[];
  /** True when another instance appended checkpoints first (this run wrote nothing). */
  lostRace: boolean;
};

async function checkpointsOf(
  store: EventStore,
  signer: AuditSigner,
  streamId: string,
  previous: readonly SignedCheckpoint[],
  now: string,
): Promise<SignedCheckpoint[] | StreamVerification> {
  const verification = await verifyStreamAgainst(store, streamId, previous);
  if (!verification.ok) return verification;
  const from = Math.max(-1, ...previous.map((checkpoint) => checkpoint.revision)) + 1;
  const events = await store.readStream(streamId, { fromRevision: from });
  const checkpoints: SignedCheckpoint[] = [];
  for (let start = 0; start < events.length; start += HASHES_PER_CHECKPOINT) {
    const slice = events.slice(start, start + HASHES_PER_CHECKPOINT);
    const head = slice.at(-1)!;
    checkpoints.push(
      signCheckpoint(signer, {
        streamId,
        revision: head.revision,
        headHash: head.hash,
        checkpointedAt: now,
        fromRevision: slice[0]!.revision,
        hashes: slice.map((event) => event.hash),
      }),
    );
  }
  return checkpoints;
}

/**
 * Signs the head of every stream that moved since its last checkpoint and appends the
 * checkpoints to `audit-checkpoints` at its expected revision: two instances running at once
 * write once (the loser stops; the winner covered the same heads). Checkpoints of the trusted
 * earlier keys (`verifiers`, default: the signer's own) count as covered after a rotation.
 */
export async function checkpointAll(
  store: EventStore,
  signer: AuditSigner,
  now: string,
  verifiers: readonly AuditVerifier[] = verifiersFor(signer),
): Promise<CheckpointRun> {
  const run: CheckpointRun = {
    checkpointedAt: now,
    checkpointed: [],
    refused: [],
    lostRace: false,
  };
  const stored = await readCheckpoints(store, verifiers);
  const trusted = trustedByStream(stored);
  const pending: SignedCheckpoint[] = [];
  for (const streamId of await store.listStreams()) {
    if (streamId === CHECKPOINT_STREAM) continue;
    const previous = trusted.get(streamId) ?? [];
    const last = Math.max(-1, ...previous.map((checkpoint) => checkpoint.revision));
    if ((await store.streamRevision(streamId)) === last) continue;
    const outcome = await checkpointsOf(store, signer, streamId, previous, now);
    if (!Array.isArray(outcome)) run.refused.push(outcome);
    else pending.push(...outcome);
  }
  let expected = stored.length === 0 ? null : stored.at(-1)!.storedAt;
  try {
    for (let start = 0; start < pending.length; start += EVENTS_PER_APPEND) {
      const batch = pending.slice(start, start + EVENTS_PER_APPEND);
      await appendCheckpoints(store, batch, expected);
      expected = (expected ?? -1) + batch.length;
      run.checkpointed.push(
        ...batch.map(({ streamId, revision, headHash }) => ({ streamId, revision, headHash })),
      );
    }
  } catch (error) {
    if (!(error instanceof StreamRevisionConflictError)) throw error;
    run.lostRace = true;
  }
  return run;
}
