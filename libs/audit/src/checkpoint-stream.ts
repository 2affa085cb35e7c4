import { NO_STREAM, type EventStore, type RecordedEvent } from '@jejak/event-store';
import { checkCheckpoint, type CheckpointCheck, type SignedCheckpoint } from './checkpoint.js';
import type { AuditVerifier } from './signing-key.js';

/** The stream of signed checkpoints (allowed by the store as a system stream `audit-<slug>`). */
export const CHECKPOINT_STREAM = 'audit-checkpoints';
export const CHECKPOINT_EVENT = 'StreamCheckpointed';

export type StoredCheckpoint = {
  /** Revision of the checkpoint event in `audit-checkpoints`. */
  storedAt: number;
  checkpoint: SignedCheckpoint;
  check: CheckpointCheck | 'malformed';
};

function isCheckpoint(data: unknown): data is SignedCheckpoint {
  if (typeof data !== 'object' || data === null) return false;
  const c = data as Record<string, unknown>;
  return (
    typeof c['streamId'] === 'string' &&
    typeof c['revision'] === 'number' &&
    typeof c['headHash'] === 'string' &&
    typeof c['checkpointedAt'] === 'string' &&
    typeof c['keyId'] === 'string' &&
    typeof c['signature'] === 'string'
  );
}

export function decodeCheckpoint(
  event: RecordedEvent,
  verifiers: readonly AuditVerifier[],
): StoredCheckpoint {
  if (event.type !== CHECKPOINT_EVENT || !isCheckpoint(event.data)) {
    const empty = {
      streamId: '',
      revision: -1,
      headHash: '',
      checkpointedAt: '',
      keyId: '',
      signature: '',
    };
    return { storedAt: event.revision, checkpoint: empty, check: 'malformed' };
  }
  return {
    storedAt: event.revision,
    checkpoint: event.data,
    check: checkCheckpoint(event.data, verifiers),
  };
}

/**
 * Every checkpoint in the checkpoint stream, each with the outcome of its signature check; with
 * `streamId`, only the checkpoints of that stream (the others' signatures are not checked).
 */
export async function readCheckpoints(
  store: EventStore,
  verifiers: readonly AuditVerifier[],
  options: { streamId?: string } = {},
): Promise<StoredCheckpoint[]> {
  const events = await store.readStream(CHECKPOINT_STREAM);
  const { streamId } = options;
  const wanted =
    streamId === undefined
      ? events
      : events.filter((event) => (event.data as { streamId?: unknown })?.streamId === streamId);
  return wanted.map((event) => decodeCheckpoint(event, verifiers));
}

/** The trusted (validly signed) checkpoints, grouped by the stream they vouch for. */
export function trustedByStream(
  stored: readonly StoredCheckpoint[],
): Map<string, SignedCheckpoint[]> {
  const byStream = new Map<string, SignedCheckpoint[]>();
  for (const { checkpoint, check } of stored) {
    if (check !== 'valid') continue;
    byStream.set(checkpoint.streamId, [...(byStream.get(checkpoint.streamId) ?? []), checkpoint]);
  }
  return byStream;
}

/** Appends checkpoints in one go at the expected head of the checkpoint stream. */
export async function appendCheckpoints(
  store: EventStore,
  checkpoints: readonly SignedCheckpoint[],
  expectedRevision: number | null,
): Promise<void> {
  await store.appendToStream(
    CHECKPOINT_STREAM,
    checkpoints.map((data) => ({ type: CHECKPOINT_EVENT, data, metadata: { keyId: data.keyId } })),
    { expectedRevision: expectedRevision ?? NO_STREAM },
  );
}

/** When the newest checkpoint was signed (epoch ms), or null when there is none yet. */
export async function lastCheckpointTime(store: EventStore): Promise<number | null> {
  const [last] = await store.readStream(CHECKPOINT_STREAM, { direction: 'backwards', maxCount: 1 });
  if (!last) return null;
  const signedAt = Date.parse((last.data as { checkpointedAt?: string }).checkpointedAt ?? '');
  return Number.isNaN(signedAt) ? Date.parse(last.recordedAt) : signedAt;
}
