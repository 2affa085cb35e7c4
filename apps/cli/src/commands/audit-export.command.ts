import { writeFileSync } from 'node:fs';
import { exportSelection, parseExportFormat, verifiersFor, type BundleFile } from '@jejak/audit';
import { collectReferencedFiles } from '@jejak/documents';
import type { EventStore } from '@jejak/event-store';
import type { AuditCliContext } from './audit-context.js';
import { AuditUsageError, parseAuditArgs, required, withBlobs, withStore } from './audit-args.js';

export const AUDIT_EXPORT_USAGE =
  'audit export --selection ID --format json|csv|html [--with-files] [--out FILE]\n' +
  '  json: evidence bundle (verify it later with audit verify-bundle); csv: spreadsheet; html: report.\n' +
  '  --with-files (json): the bundle also holds every evidence file its events refer to.';

/** The evidence files of a selection's events, with their bytes, for the bundle. */
async function filesOf(
  context: AuditCliContext,
  store: EventStore,
  selection: string,
): Promise<BundleFile[]> {
  const events = await store.readStream(`selection-${selection}`);
  return withBlobs(context, (blobs) => {
    if (blobs === undefined) throw new AuditUsageError('--with-files: no evidence-file store here');
    return collectReferencedFiles(events, blobs);
  });
}

/** `audit export`: writes the file (or stdout without --out). */
export async function auditExportCommand(
  args: string[],
  context: AuditCliContext,
): Promise<number> {
  const { values } = parseAuditArgs(args, {
    selection: { type: 'string' },
    format: { type: 'string', default: 'json' },
    out: { type: 'string' },
    'with-files': { type: 'boolean', default: false },
  });
  const selection = required(values.selection, '--selection');
  const format = parseExportFormat(values.format);
  const withFiles = values['with-files'] ?? false;
  if (withFiles && format !== 'json') throw new AuditUsageError('--with-files needs --format json');
  const signer = context.loadSigner();
  const file = await withStore(context, async (store) =>
    exportSelection(store, context.procedures, selection, format, {
      signer,
      verifiers: verifiersFor(signer, context.loadTrustedKeys()),
      now: context.now().toISOString(),
      ...(withFiles ? { files: await filesOf(context, store, selection) } : {}),
    }),
  );
  if (values.out === undefined) {
    context.out(file.body);
    return 0;
  }
  writeFileSync(values.out, file.body, { encoding: 'utf8', mode: 0o640 });
  context.err(
    `wrote ${values.out} (${format}, ${Buffer.byteLength(file.body)} bytes; key id ${signer.keyId})\n`,
  );
  return 0;
}
