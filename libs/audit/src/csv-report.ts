import type { TimelineEntry } from './timeline.js';
import { formatWita } from './wita-time.js';

/** UTF-8 byte order mark: Excel then reads Indonesian text (and names) correctly. */
export const BOM = '\uFEFF';

const HEADER = [
  'revisi',
  'waktu (WITA)',
  'tercatat (UTC)',
  'peristiwa',
  'perintah',
  'pelaku',
  'NIP',
  'peran',
  'ringkasan keputusan',
  'dasar hukum',
  'dokumen',
  'status sebelum',
  'status sesudah',
  'hash',
];

/**
 * One CSV cell (RFC 4180): quoted when needed, and a leading `=`, `+`, `-`, `@`, tab or CR
 * defused with an apostrophe so a spreadsheet never runs recorded text as a formula.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function rowOf(entry: TimelineEntry): (string | number)[] {
  const documents = entry.documents.map((d) =>
    `${d.issuer} ${d.number} (${d.date}) ${d.subject}`.trim(),
  );
  return [
    entry.revision,
    formatWita(entry.occurredAt),
    entry.recordedAt,
    entry.type,
    entry.command ?? '',
    entry.actor?.name ?? '',
    entry.actor?.nip ?? '',
    entry.actor?.role ?? '',
    entry.summary,
    entry.legalBasis.join('; '),
    documents.join('; '),
    entry.stateBefore,
    entry.stateAfter,
    entry.hash,
  ];
}

/** The timeline as CSV: one row per event, UTF-8 with BOM, CRLF line ends. */
export function timelineCsv(entries: readonly TimelineEntry[]): string {
  const lines = [HEADER, ...entries.map(rowOf)].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
