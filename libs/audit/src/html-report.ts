import type { RecordedDocument } from '@jejak/workflows';
import type { SelectionEvidence } from './evidence.js';
import { html, SafeHtml } from './html-escape.js';
import type { TimelineEntry } from './timeline.js';
import type { StreamVerification } from './verify-stream.js';
import { formatWita } from './wita-time.js';

const REASONS: Record<string, string> = {
  altered: 'isi diubah',
  missing: 'revisi hilang',
  reordered: 'urutan ditukar',
};

const STYLE = new SafeHtml(`
body { font-family: "Noto Sans", Arial, sans-serif; font-size: 10.5pt; margin: 2em; color: #111; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 1.6em; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #bbb; padding: 3px 5px; vertical-align: top; text-align: left; }
th { background: #eee; } code { font-size: 9pt; word-break: break-all; }
.ok { color: #05652f; font-weight: bold; } .broken { color: #a00000; font-weight: bold; }
@media print { body { margin: 0; } tr { page-break-inside: avoid; } }`);

function documentLine(document: RecordedDocument): SafeHtml {
  return html`<li>
    ${document.issuer} Nomor ${document.number} tanggal
    ${document.date}${document.subject ? html` tentang ${document.subject}` : ''}
  </li>`;
}

function entryRow(entry: TimelineEntry): SafeHtml {
  const actor = entry.actor;
  return html`<tr>
    <td>${entry.revision}</td>
    <td>
      ${formatWita(entry.occurredAt)}${
        entry.recordedLater ? html`<br />dicatat ${formatWita(entry.recordedAt)}` : ''
      }
    </td>
    <td>
      ${actor?.name ?? '-'}${actor?.nip ? html`<br />NIP ${actor.nip}` : ''}${actor?.role ? html`<br />${actor.role}` : ''}
    </td>
    <td>${entry.command ?? '-'}</td>
    <td>${entry.summary}</td>
    <td>
      <ul>
        ${entry.legalBasis.map((citation) => html`<li>${citation}</li>`)}
      </ul>
    </td>
    <td>
      <ul>
        ${entry.documents.map(documentLine)}
      </ul>
    </td>
    <td>${entry.stateBefore} &rarr; ${entry.stateAfter}</td>
  </tr>`;
}

function verificationText(v: StreamVerification): SafeHtml {
  if (v.ok) {
    return html`<p class="ok">
      UTUH: ${v.eventsChecked} peristiwa diperiksa; rantai hash tidak terputus dan cocok dengan
      ${v.checkpointsChecked} checkpoint bertanda tangan.
    </p>`;
  }
  const reason = REASONS[v.reason ?? ''] ?? v.reason ?? '';
  const by = v.caughtBy === 'checkpoint' ? 'checkpoint bertanda tangan' : 'rantai hash';
  return html`<p class="broken">
      RUSAK pada revisi ${v.brokenAt}: ${reason} (terdeteksi oleh ${by}).
    </p>
    <p>${v.detail ?? ''}</p>`;
}

/**
 * A printable report in Bahasa Indonesia: the selection, each vacancy's outcome, the timeline
 * with citations and documents, the verification result and the head hash. Every recorded value
 * is escaped (the `html` template escapes whatever it interpolates).
 */
export function renderHtmlReport(evidence: SelectionEvidence, generatedAt: string): string {
  const { summary, timeline, verification } = evidence;
  const head = evidence.events.at(-1)!;
  const page = html`<!DOCTYPE html>
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <title>Laporan Audit: ${summary.title}</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <h1>Laporan Audit Seleksi</h1>
        <table>
          <tr>
            <th>Judul seleksi</th>
            <td>${summary.title}</td>
          </tr>
          <tr>
            <th>Prosedur</th>
            <td>${evidence.procedure.kind}</td>
          </tr>
          <tr>
            <th>ID seleksi</th>
            <td><code>${evidence.selectionId}</code></td>
          </tr>
          <tr>
            <th>Status terakhir</th>
            <td>${summary.state}</td>
          </tr>
          <tr>
            <th>Jumlah peristiwa</th>
            <td>${evidence.events.length}</td>
          </tr>
          <tr>
            <th>Laporan dibuat</th>
            <td>${formatWita(generatedAt)}</td>
          </tr>
        </table>
        <h2>Hasil per jabatan (${summary.vacancies.length} jabatan)</h2>
        <table>
          <tr>
            <th>No</th>
            <th>Jabatan</th>
            <th>Hasil</th>
          </tr>
          ${summary.vacancies.map(
            (vacancy, index) =>
              html`<tr>
                <td>${index + 1}</td>
                <td>${vacancy.title}</td>
                <td>${vacancy.status}</td>
              </tr>`,
          )}
        </table>
        <h2>Linimasa keputusan</h2>
        <table>
          <tr>
            <th>Rev.</th>
            <th>Waktu tindakan (WITA)</th>
            <th>Pelaku</th>
            <th>Perintah</th>
            <th>Keputusan</th>
            <th>Dasar hukum</th>
            <th>Dokumen</th>
            <th>Status</th>
          </tr>
          ${timeline.entries.map(entryRow)}
        </table>
        <h2>Hasil verifikasi</h2>
        ${verificationText(verification)}
        <p>Hash kepala (revisi ${head.revision}): <code>${head.hash}</code></p>
      </body>
    </html> `;
  return page.html;
}
