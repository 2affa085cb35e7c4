import type { EventStore } from '@jejak/event-store';
import { InvalidAuditQueryError, SelectionNotFoundError } from './audit.errors.js';
import { checkCheckpoint, type SignedCheckpoint } from './checkpoint.js';
import {
  CHECKPOINT_STREAM,
  readCheckpoints,
  trustedByStream,
  type StoredCheckpoint,
} from './checkpoint-stream.js';
import { selectionStreamId } from './selection-stream.js';
import type { AuditVerifier } from './signing-key.js';
import { verifyStreamAgainst, type StreamVerification } from './verify-stream.js';

export type VerifyOptions = {
  /** Public keys whose checkpoints are trusted (the service's own key, keys auditors hold). */
  verifiers: readonly AuditVerifier[];
  /** Checkpoints held outside the store (from an earlier evidence bundle). */
  extraCheckpoints?: readonly SignedCheckpoint[];
};

export type VerifyAllLine =
  | ({ kind: 'stream' } & StreamVerification)
  | {
      kind: 'summary';
      ok: boolean;
      streams: number;
      intact: number;
      broken: number;
      eventsChecked: number;
      /** Checkpoints signed by a key we do not hold: neither trusted nor refuted. */
      unverifiedCheckpoints: number;
      firstBroken?: { streamId: string; brokenAt: number; reason: string };
    };

function anchorsFor(stored: readonly StoredCheckpoint[], options: VerifyOptions) {
  const byStream = trustedByStream(stored);
  for (const extra of options.extraCheckpoints ?? []) {
    // A held checkpoint counts only with a signature we can check: never trust a bare file.
    if (checkCheckpoint(extra, options.verifiers) !== 'valid') {
      throw new InvalidAuditQueryError(
        `The checkpoint of ${extra.streamId} at revision ${extra.revision} is not signed by a key we hold`,
      );
    }
    byStream.set(extra.streamId, [...(byStream.get(extra.streamId) ?? []), extra]);
  }
  return byStream;
}

/** A selection's chain, checked also against every trusted checkpoint of it. */
export async function verifySelection(
  store: EventStore,
  selectionId: string,
  options: VerifyOptions,
): Promise<StreamVerification> {
  const streamId = selectionStreamId(selectionId);
  if ((await store.streamRevision(streamId).catch(() => null)) === null) {
    throw new SelectionNotFoundError(selectionId);
  }
  // Only this stream's checkpoints are signature-checked: the others cannot anchor it.
  const stored = await readCheckpoints(store, options.verifiers, { streamId });
  const anchors = anchorsFor(stored, options);
  const result = await verifyStreamAgainst(store, streamId, anchors.get(streamId) ?? []);
  const unverified = stored.filter(({ check }) => check === 'unknown-key').length;
  return unverified === 0 ? result : { ...result, unverifiedCheckpoints: unverified };
}

/** The checkpoint stream itself: its chain, and every checkpoint's signature. */
async function verifyCheckpointStream(
  store: EventStore,
  stored: readonly StoredCheckpoint[],
): Promise<StreamVerification> {
  const chain = await verifyStreamAgainst(store, CHECKPOINT_STREAM, []);
  const bad = stored.find(({ check }) => check === 'forged' || check === 'malformed');
  if (!bad || (!chain.ok && chain.brokenAt! <= bad.storedAt)) return chain;
  return {
    ok: false,
    streamId: CHECKPOINT_STREAM,
    eventsChecked: bad.storedAt,
    headHash: chain.headHash,
    brokenAt: bad.storedAt,
    reason: 'altered',
    detail:
      bad.check === 'forged' ? 'the checkpoint signature does not verify' : 'not a checkpoint',
    caughtBy: 'checkpoint',
    checkpointsChecked: 0,
  };
}

/**
 * Every stream of the store, one line each (NDJSON-ready), then a summary line: chains, the
 * signed checkpoints of each stream, and the checkpoint stream's own signatures.
 */
export async function* verifyAll(
  store: EventStore,
  options: VerifyOptions,
): AsyncGenerator<VerifyAllLine> {
  const stored = await readCheckpoints(store, options.verifiers);
  const anchors = anchorsFor(stored, options);
  const totals = { streams: 0, intact: 0, broken: 0, eventsChecked: 0 };
  let firstBroken: { streamId: string; brokenAt: number; reason: string } | undefined;
  for (const streamId of await store.listStreams()) {
    const line =
      streamId === CHECKPOINT_STREAM
        ? await verifyCheckpointStream(store, stored)
        : await verifyStreamAgainst(store, streamId, anchors.get(streamId) ?? []);
    totals.streams += 1;
    totals.eventsChecked += line.eventsChecked;
    if (line.ok) totals.intact += 1;
    else {
      totals.broken += 1;
      firstBroken ??= { streamId, brokenAt: line.brokenAt!, reason: line.reason! };
    }
    yield { kind: 'stream', ...line };
  }
  const unverifiedCheckpoints = stored.filter(({ check }) => check === 'unknown-key').length;
  yield {
    kind: 'summary',
    ok: totals.broken === 0,
    ...totals,
    unverifiedCheckpoints,
    ...(firstBroken ? { firstBroken } : {}),
  };
}
