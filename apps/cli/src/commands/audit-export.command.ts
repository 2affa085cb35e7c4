import { writeFileSync } from 'node:fs';
import { exportSelection, parseExportFormat, verifiersFor } from '@jejak/audit';
import type { AuditCliContext } from './audit-context.js';
import { parseAuditArgs, required, withStore } from './audit-args.js';

export const AUDIT_EXPORT_USAGE =
  'audit export --selection ID --format json|csv|html [--out FILE]\n' +
  '  json: evidence bundle (verify it later with audit verify-bundle); csv: spreadsheet; html: report.';

/** `audit export`: writes the file (or stdout without --out). */
export async function auditExportCommand(
  args: string[],
  context: AuditCliContext,
): Promise<number> {
  const { values } = parseAuditArgs(args, {
    selection: { type: 'string' },
    format: { type: 'string', default: 'json' },
    out: { type: 'string' },
  });
  const selection = required(values.selection, '--selection');
  const format = parseExportFormat(values.format);
  const signer = context.loadSigner();
  const file = await withStore(context, (store) =>
    exportSelection(store, context.procedures, selection, format, {
      signer,
      verifiers: verifiersFor(signer, context.loadTrustedKeys()),
      now: context.now().toISOString(),
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
