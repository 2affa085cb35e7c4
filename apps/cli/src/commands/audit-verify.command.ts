import { readFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import {
  verifiersFor,
  verifyAll,
  verifySelection,
  type SignedCheckpoint,
  type StreamVerification,
  type VerifyAllLine,
} from '@jejak/audit';
import {
  verifyReferencedFiles,
  withFileChecks,
  type BlobStore,
  type FileFailure,
  type FilesVerification,
} from '@jejak/documents';
import type { EventStore } from '@jejak/event-store';
import type { AuditCliContext } from './audit-context.js';
import { parseAuditArgs, withBlobs, withStore } from './audit-args.js';

export const AUDIT_VERIFY_USAGE =
  'audit verify [--selection ID] [--checkpoint FILE]... [--json]\n' +
  '  Verifies hash chains and signed checkpoints, and that every evidence file an event refers to\n' +
  '  is present and matches its SHA-256; exit 0 when intact, 1 at the first broken revision or file.\n' +
  '  --checkpoint: a checkpoint or evidence bundle held outside the store (repeatable).';

function describe(line: StreamVerification): string {
  const unverified = line.unverifiedCheckpoints
    ? `; UNVERIFIED: ${line.unverifiedCheckpoints} checkpoints signed by a key not trusted here (AUDIT_TRUSTED_PUBLIC_KEYS)`
    : '';
  if (line.ok)
    return `${line.streamId}: intact, ${line.eventsChecked} events, head ${line.headHash}${unverified}`;
  const by = line.caughtBy === 'checkpoint' ? ' (signed checkpoint)' : '';
  return `${line.streamId}: BROKEN at revision ${line.brokenAt}: ${line.reason}${by}: ${line.detail ?? ''}${unverified}`;
}

function describeFile(failure: FileFailure): string {
  const document =
    failure.documentNumber === undefined ? '' : `, document ${failure.documentNumber}`;
  return `${failure.streamId}: FILE ${failure.problem.toUpperCase()} at revision ${failure.revision} (${failure.eventType}${document}, ${failure.path}): ${failure.sha256}`;
}

function describeFiles(files: Omit<FilesVerification, 'failures'>): string {
  return files.missing + files.altered === 0
    ? `FILES OK: ${files.referenced} referenced files present and matching their SHA-256\n`
    : `FILES BROKEN: ${files.missing} missing, ${files.altered} altered of ${files.referenced} referenced files\n`;
}

/** Checkpoints from files an auditor kept: a signed checkpoint, or the one in a bundle. */
function heldCheckpoints(files: string[]): SignedCheckpoint[] {
  return files.map((file) => {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
      checkpoint?: SignedCheckpoint;
    } & SignedCheckpoint;
    return parsed.checkpoint ?? parsed;
  });
}

async function verifyOne(
  context: AuditCliContext,
  store: EventStore,
  blobs: BlobStore | undefined,
  id: string,
  json: boolean,
  held: SignedCheckpoint[],
) {
  const chain = await verifySelection(store, id, {
    verifiers: verifiersFor(context.loadSigner(), context.loadTrustedKeys()),
    extraCheckpoints: held,
  });
  const files = blobs && (await verifyReferencedFiles(store, blobs, { streamId: chain.streamId }));
  const ok = chain.ok && (files?.ok ?? true);
  if (json) context.out(`${JSON.stringify({ ...chain, ok, ...(files ? { files } : {}) })}\n`);
  else {
    context.out(`${describe(chain)}\n`);
    for (const failure of files?.failures ?? []) context.out(`${describeFile(failure)}\n`);
    if (files) context.out(describeFiles(files));
  }
  return ok ? 0 : 1;
}

async function verifyEverything(
  context: AuditCliContext,
  store: EventStore,
  blobs: BlobStore | undefined,
  json: boolean,
  held: SignedCheckpoint[],
) {
  const bar =
    context.isTTY && !json
      ? new SingleBar({ stream: process.stderr, clearOnComplete: true })
      : null;
  bar?.start((await store.listStreams()).length, 0);
  type Summary = Extract<VerifyAllLine, { kind: 'summary' }> & {
    files?: Omit<FilesVerification, 'failures'>;
  };
  let summary: Summary | undefined;
  const chains = verifyAll(store, {
    verifiers: verifiersFor(context.loadSigner(), context.loadTrustedKeys()),
    extraCheckpoints: held,
  });
  const lines = blobs ? withFileChecks(chains, () => verifyReferencedFiles(store, blobs)) : chains;
  for await (const line of lines) {
    if (json) context.out(`${JSON.stringify(line)}\n`);
    if (line.kind === 'summary') summary = line;
    else if (line.kind === 'file') {
      if (!json) context.out(`${describeFile(line)}\n`);
    } else {
      bar?.increment();
      if (!json && !line.ok) context.out(`${describe(line)}\n`);
    }
  }
  bar?.stop();
  if (!json && summary) {
    const first = summary.firstBroken;
    context.out(
      first
        ? `BROKEN: ${summary.broken} of ${summary.streams} streams; first ${first.streamId} at revision ${first.brokenAt} (${first.reason})\n`
        : `${summary.broken === 0 ? 'OK' : 'BROKEN'}: ${summary.streams} streams, ${summary.eventsChecked} events intact\n`,
    );
    if (summary.files) context.out(describeFiles(summary.files));
    if (summary.unverifiedCheckpoints > 0) {
      context.out(
        `UNVERIFIED: ${summary.unverifiedCheckpoints} checkpoints signed by a key not trusted here (AUDIT_TRUSTED_PUBLIC_KEYS)\n`,
      );
    }
  }
  return summary?.ok ? 0 : 1;
}

/** `audit verify`: the configured store, directly (no server needed). */
export async function auditVerifyCommand(
  args: string[],
  context: AuditCliContext,
): Promise<number> {
  const { values } = parseAuditArgs(args, {
    selection: { type: 'string' },
    checkpoint: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
  });
  const held = heldCheckpoints(values.checkpoint ?? []);
  const json = values.json ?? false;
  return withStore(context, (store) =>
    withBlobs(context, (blobs) =>
      values.selection === undefined
        ? verifyEverything(context, store, blobs, json, held)
        : verifyOne(context, store, blobs, values.selection, json, held),
    ),
  );
}
