import crypto from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * The hash chain, adapter-independent and pure.
 *
 * Each event's `canonical` is the RFC 8785 canonical JSON of
 * `{ streamId, revision, type, data, metadata }` (metadata without the hashes), and
 * `hash = hex(SHA-256(utf8(prevHash) ++ utf8(canonical)))`. The first event of a stream chains to
 * `GENESIS_HASH`. Adapters store `canonical` byte for byte, so verification hashes exactly what
 * was hashed at append time and never canonicalises again.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** RFC 8785 canonical JSON of a JSON value (throws on values JSON cannot hold). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('not a JSON value');
  return text;
}

export type EnvelopeParts = {
  streamId: string;
  revision: number;
  type: string;
  /** Canonical JSON of the event data. */
  dataJson: string;
  /** Canonical JSON of the metadata (without hashes). */
  metadataJson: string;
};

/**
 * The canonical envelope, assembled from already-canonical parts: RFC 8785 orders the members
 * `data, metadata, revision, streamId, type`, so this equals `canonicalJson(envelope)` without
 * walking a (possibly 1 MiB) payload twice.
 */
export function canonicalEnvelope(parts: EnvelopeParts): string {
  return (
    `{"data":${parts.dataJson},"metadata":${parts.metadataJson},` +
    `"revision":${canonicalJson(parts.revision)},"streamId":${canonicalJson(parts.streamId)},` +
    `"type":${canonicalJson(parts.type)}}`
  );
}

/** Node >= 20.12 has the one-shot `crypto.hash` (about twice as fast for one short input). */
const oneShotHash = (crypto as { hash?: typeof crypto.hash }).hash;

/** hex(SHA-256(utf8(prevHash) ++ utf8(canonical))): the UTF-8 of a concatenation is the
 * concatenation of the UTF-8s, so the one-shot and the streaming form give the same digest. */
export const chainHash: (prevHash: string, canonical: string) => string =
  typeof oneShotHash === 'function'
    ? (prevHash, canonical) => oneShotHash('sha256', prevHash + canonical, 'hex')
    : (prevHash, canonical) =>
        crypto
          .createHash('sha256')
          .update(prevHash, 'utf8')
          .update(canonical, 'utf8')
          .digest('hex');

/** One stored link, as read back in stream order. */
export type ChainRow = {
  streamId: string;
  revision: number;
  type: string;
  canonical: string;
  prevHash: string;
  hash: string;
};

export type ChainVerdict =
  | { ok: true; eventsChecked: number; headHash: string }
  | {
      ok: false;
      eventsChecked: number;
      brokenAt: number;
      reason: 'altered' | 'missing' | 'reordered';
      detail: string;
      headHash: string;
    };

type Envelope = { streamId?: unknown; revision?: unknown; type?: unknown };

function parseEnvelope(canonical: string): Envelope | null {
  try {
    const parsed: unknown = JSON.parse(canonical);
    return typeof parsed === 'object' && parsed !== null ? parsed : null;
  } catch {
    return null;
  }
}

/** Why row `expected` is not the intact link it should be, or null when it is. */
function checkLink(
  row: ChainRow,
  expected: number,
  prevHash: string,
): { reason: 'altered' | 'missing' | 'reordered'; detail: string } | null {
  if (row.revision > expected)
    return { reason: 'missing', detail: `revision ${expected} is absent` };
  const envelope = parseEnvelope(row.canonical);
  if (envelope === null) return { reason: 'altered', detail: 'stored bytes are not JSON' };
  if (envelope.revision !== expected || row.revision !== expected) {
    return {
      reason: 'reordered',
      detail: `found the event hashed as revision ${String(envelope.revision)} at revision ${expected}`,
    };
  }
  if (envelope.streamId !== row.streamId || envelope.type !== row.type) {
    return { reason: 'altered', detail: 'stream id or type differs from the hashed event' };
  }
  if (chainHash(row.prevHash, row.canonical) !== row.hash) {
    return { reason: 'altered', detail: 'content does not match its hash' };
  }
  if (row.prevHash !== prevHash) {
    return { reason: 'altered', detail: 'previous hash does not match the preceding event' };
  }
  return null;
}

/**
 * The fast check of an intact link: stored at its revision, chained to the preceding hash, its
 * hash matching its bytes, and those bytes ending with the envelope members the store wrote last
 * (RFC 8785 orders them `..., revision, streamId, type`; its strings are JSON.stringify's), so no
 * JSON parse is needed. True only
 * when `checkLink` would find nothing wrong with a row whose bytes the store canonicalised;
 * anything else goes through `checkLink`, which says what broke.
 */
function intactLink(
  row: ChainRow,
  expected: number,
  prevHash: string,
  tailOf: (row: ChainRow) => string,
): boolean {
  if (row.revision !== expected || row.prevHash !== prevHash) return false;
  const { canonical } = row;
  const tail = tailOf(row);
  const digits = String(expected);
  const end = canonical.length - tail.length - digits.length;
  return (
    canonical.startsWith('{"data":') &&
    canonical.endsWith(tail) &&
    canonical.startsWith(digits, end) &&
    canonical.startsWith(',"revision":', end - 12) &&
    chainHash(prevHash, canonical) === row.hash
  );
}

/** `,"streamId":…,"type":…}` per stream id and type, built once per verification. */
function envelopeTails(): (row: ChainRow) => string {
  const tails = new Map<string, Map<string, string>>();
  return ({ streamId, type }) => {
    let byType = tails.get(streamId);
    if (!byType) tails.set(streamId, (byType = new Map<string, string>()));
    let tail = byType.get(type);
    if (tail === undefined) {
      tail = `,"streamId":${JSON.stringify(streamId)},"type":${JSON.stringify(type)}}`;
      byType.set(type, tail);
    }
    return tail;
  };
}

/**
 * Walks a stream's rows (ordered by their stored revision) and reports the first revision that
 * breaks the chain: a gap (`missing`), an event stored at another revision than the one it was
 * hashed for (`reordered`), or content, hash or link that no longer matches (`altered`).
 * Intact links cost one SHA-256 and no JSON parse; a broken one is parsed to tell why.
 */
export function verifyChain(rows: readonly ChainRow[]): ChainVerdict {
  let headHash = GENESIS_HASH;
  const tailOf = envelopeTails();
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index]!;
    if (!intactLink(row, index, headHash, tailOf)) {
      const broken = checkLink(row, index, headHash);
      if (broken) return { ok: false, eventsChecked: index, brokenAt: index, headHash, ...broken };
    }
    headHash = row.hash;
  }
  return { ok: true, eventsChecked: rows.length, headHash };
}
