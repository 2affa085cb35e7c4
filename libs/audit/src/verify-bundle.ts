import { canonicalJson, verifyChain, type ChainRow } from '@jejak/event-store';
import type { AuditProcedures } from './audit-procedure.js';
import { checkCheckpoint, signedBytesOf } from './checkpoint.js';
import { foldSummary } from './evidence.js';
import { BUNDLE_FORMAT, type EvidenceBundle } from './evidence-bundle.js';
import { checkBundleFiles } from './verify-bundle-files.js';
import { verifierFromPem, type AuditVerifier } from './signing-key.js';

export type BundleCheckName =
  'format' | 'key' | 'signature' | 'checkpoint' | 'chain' | 'fold' | 'files';
export type BundleCheck = { check: BundleCheckName; ok: boolean; detail: string };

export type BundleVerdict = {
  ok: boolean;
  streamId?: string;
  revision?: number;
  headHash?: string;
  /** The first revision whose bytes or links do not hold, when the chain fails. */
  brokenAt?: number;
  checks: BundleCheck[];
};

const pass = (check: BundleCheckName, detail: string): BundleCheck => ({ check, ok: true, detail });
const fail = (check: BundleCheckName, detail: string): BundleCheck => ({
  check,
  ok: false,
  detail,
});

function looksLikeBundle(value: unknown): value is EvidenceBundle {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Partial<EvidenceBundle>;
  return (
    b.format === BUNDLE_FORMAT &&
    b.version === 1 &&
    Array.isArray(b.events) &&
    typeof b.signature === 'string' &&
    typeof b.checkpoint === 'object' &&
    b.checkpoint !== null &&
    typeof b.claimedState === 'object'
  );
}

function checkKeyAndSignature(bundle: EvidenceBundle, verifier: AuditVerifier): BundleCheck[] {
  if (bundle.publicKeyId !== verifier.keyId || bundle.checkpoint.keyId !== verifier.keyId) {
    return [
      fail('key', `signed by key ${bundle.publicKeyId}, not by the given key ${verifier.keyId}`),
    ];
  }
  const signed = verifier.verify(signedBytesOf(bundle), bundle.signature);
  return [
    pass('key', `key id ${verifier.keyId}`),
    signed
      ? pass('signature', 'the bundle signature verifies')
      : fail(
          'signature',
          'the bundle signature does not verify: the bundle was changed after export',
        ),
  ];
}

function checkCheckpointOf(bundle: EvidenceBundle, verifier: AuditVerifier): BundleCheck {
  const { checkpoint } = bundle;
  if (checkCheckpoint(checkpoint, [verifier]) !== 'valid')
    return fail('checkpoint', 'the checkpoint signature does not verify');
  const head = bundle.events.at(-1);
  const matches =
    checkpoint.streamId === bundle.streamId &&
    checkpoint.revision === head?.revision &&
    checkpoint.headHash === head.hash &&
    bundle.headHash === head.hash &&
    bundle.revision === head.revision;
  return matches
    ? pass(
        'checkpoint',
        `signed head: revision ${checkpoint.revision}, ${checkpoint.headHash} at ${checkpoint.checkpointedAt}`,
      )
    : fail('checkpoint', 'the signed checkpoint does not name the bundle head');
}

function checkChain(bundle: EvidenceBundle): { check: BundleCheck; brokenAt?: number } {
  const rows: ChainRow[] = bundle.events.map((event) => ({ ...event, streamId: bundle.streamId }));
  const verdict = verifyChain(rows);
  if (verdict.ok)
    return { check: pass('chain', `${verdict.eventsChecked} events chain to ${verdict.headHash}`) };
  return {
    check: fail('chain', `revision ${verdict.brokenAt}: ${verdict.reason}, ${verdict.detail}`),
    brokenAt: verdict.brokenAt,
  };
}

function checkFold(bundle: EvidenceBundle, procedures: AuditProcedures): BundleCheck {
  const procedure = procedures[bundle.procedure];
  if (!procedure) return fail('fold', `unknown procedure ${bundle.procedure}`);
  try {
    const events = bundle.events.map((event) => ({
      ...(JSON.parse(event.canonical) as {
        type: string;
        data: unknown;
        metadata: Record<string, string>;
      }),
      recordedAt: event.recordedAt,
    }));
    const summary = foldSummary(procedure, events);
    const claimed = bundle.claimedState;
    return canonicalJson({ state: summary.state, summary }) === canonicalJson(claimed)
      ? pass('fold', `the events fold to the claimed state ${summary.state}`)
      : fail('fold', `the events fold to ${summary.state}, not to the claimed state`);
  } catch (error) {
    return fail('fold', `cannot fold the events: ${(error as Error).message}`);
  }
}

/**
 * Verifies an evidence bundle offline, with nothing but the bundle, the public key and the
 * procedures: its signature, the signed checkpoint of its head, the hash chain of the stored
 * bytes, that the events fold into the state the bundle claims, and (exported with files) that
 * every file the events refer to is in it and matches its SHA-256.
 */
export function verifyBundle(
  input: unknown,
  publicKeyPem: string,
  procedures: AuditProcedures,
): BundleVerdict {
  const parsed = typeof input === 'string' ? parseJson(input) : input;
  if (!looksLikeBundle(parsed))
    return { ok: false, checks: [fail('format', 'not a jejak evidence bundle')] };
  const verifier = verifierFromPem(publicKeyPem);
  const chain = checkChain(parsed);
  const checks = [
    pass('format', `${BUNDLE_FORMAT} v1, ${parsed.events.length} events`),
    ...checkKeyAndSignature(parsed, verifier),
    checkCheckpointOf(parsed, verifier),
    chain.check,
    checkFold(parsed, procedures),
    ...(parsed.files === undefined ? [] : [checkBundleFiles(parsed)]),
  ];
  return {
    ok: checks.every((check) => check.ok),
    streamId: parsed.streamId,
    revision: parsed.revision,
    headHash: parsed.headHash,
    ...(chain.brokenAt === undefined ? {} : { brokenAt: chain.brokenAt }),
    checks,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
