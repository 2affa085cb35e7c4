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
import type { EventStore } from '@jejak/event-store';
import type { AuditCliContext } from './audit-context.js';
import { parseAuditArgs, withStore } from './audit-args.js';

export const AUDIT_VERIFY_USAGE =
  'audit verify [--selection ID] [--checkpoint FILE]... [--json]\n' +
  '  Verifies hash chains and signed checkpoints; exit 0 when intact, 1 at the first broken revision.\n' +
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
  id: string,
  json: boolean,
  held: SignedCheckpoint[],
) {
  const result = await verifySelection(store, id, {
    verifiers: verifiersFor(context.loadSigner(), context.loadTrustedKeys()),
    extraCheckpoints: held,
  });
  context.out(json ? `${JSON.stringify(result)}\n` : `${describe(result)}\n`);
  return result.ok ? 0 : 1;
}

async function verifyEverything(
  context: AuditCliContext,
  store: EventStore,
  json: boolean,
  held: SignedCheckpoint[],
) {
  const bar =
    context.isTTY && !json
      ? new SingleBar({ stream: process.stderr, clearOnComplete: true })
      : null;
  bar?.start((await store.listStreams()).length, 0);
  let summary: Extract<VerifyAllLine, { kind: 'summary' }> | undefined;
  const lines = verifyAll(store, {
    verifiers: verifiersFor(context.loadSigner(), context.loadTrustedKeys()),
    extraCheckpoints: held,
  });
  for await (const line of lines) {
    if (json) context.out(`${JSON.stringify(line)}\n`);
    if (line.kind === 'summary') summary = line;
    else {
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
        : `OK: ${summary.streams} streams, ${summary.eventsChecked} events intact\n`,
    );
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
    values.selection === undefined
      ? verifyEverything(context, store, json, held)
      : verifyOne(context, store, values.selection, json, held),
  );
}
