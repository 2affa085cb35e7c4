import type { EventStore } from '@jejak/event-store';
import { InvalidAuditQueryError } from './audit.errors.js';
import type { AuditProcedures } from './audit-procedure.js';
import { timelineCsv } from './csv-report.js';
import { gatherEvidence } from './evidence.js';
import { exportBundle, type BundleFile } from './evidence-bundle.js';
import { renderHtmlReport } from './html-report.js';
import { verifiersFor, type AuditSigner, type AuditVerifier } from './signing-key.js';

export const EXPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportedFile = {
  format: ExportFormat;
  contentType: string;
  filename: string;
  body: string;
};

export function parseExportFormat(value: string | undefined): ExportFormat {
  const format = value ?? 'json';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new InvalidAuditQueryError(`format must be one of ${EXPORT_FORMATS.join(', ')}`);
  }
  return format as ExportFormat;
}

/** A selection as an evidence bundle (json), a spreadsheet (csv) or a printable report (html). */
export async function exportSelection(
  store: EventStore,
  procedures: AuditProcedures,
  selectionId: string,
  format: ExportFormat,
  options: {
    signer: AuditSigner;
    now: string;
    verifiers?: readonly AuditVerifier[];
    /** json only: the evidence files to include in the bundle. */
    files?: readonly BundleFile[];
  },
): Promise<ExportedFile> {
  const verifiers = options.verifiers ?? verifiersFor(options.signer);
  const filename = `jejak-${selectionId}.${format}`;
  switch (format) {
    case 'json': {
      const bundle = await exportBundle(store, procedures, selectionId, options);
      const body = `${JSON.stringify(bundle, null, 2)}\n`;
      return { format, contentType: 'application/json; charset=utf-8', filename, body };
    }
    case 'csv': {
      const evidence = await gatherEvidence(store, procedures, selectionId, { verifiers });
      return {
        format,
        contentType: 'text/csv; charset=utf-8',
        filename,
        body: timelineCsv(evidence.timeline.entries),
      };
    }
    case 'html': {
      const evidence = await gatherEvidence(store, procedures, selectionId, { verifiers });
      return {
        format,
        contentType: 'text/html; charset=utf-8',
        filename,
        body: renderHtmlReport(evidence, options.now),
      };
    }
    default: {
      const unknown: never = format;
      throw new InvalidAuditQueryError(`Unknown format ${String(unknown)}`);
    }
  }
}
