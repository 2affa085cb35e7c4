import { BOM, csvCell, timelineCsv } from './csv-report.js';
import type { TimelineEntry } from './timeline.js';

const entry: TimelineEntry = {
  revision: 3,
  eventId: 'e3',
  type: 'LetterRecorded',
  command: 'RecordLetter',
  occurredAt: '2024-05-23T01:00:00.000Z',
  occurredAtWita: '2024-05-23T09:00:00+08:00',
  recordedAt: '2026-01-01T00:00:00.000Z',
  recordedAtWita: '2026-01-01T08:00:00+08:00',
  recordedLater: true,
  actor: { name: 'Maria "Goreti", S.H.', nip: '198001012005012001', role: 'SEKRETARIAT' },
  summary: '=HYPERLINK("http://evil")',
  legalBasis: ['Pergub NTT 113/2023 Pasal 10 huruf c', 'UU 5/2014 Pasal 116'],
  documents: [
    {
      issuer: 'KASN',
      number: 'B-1626/JP.00.00/05/2024',
      date: '2024-05-08',
      subject: 'Rekomendasi\nbaris dua',
    },
  ],
  stateBefore: 'preparing',
  stateAfter: 'preparing',
  hash: 'ab'.repeat(32),
};

describe('timelineCsv', () => {
  const csv = timelineCsv([entry]);

  it('starts with a UTF-8 BOM and uses CRLF between rows', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1).split('\r\n')[0]).toMatch(/^revisi,waktu \(WITA\),/);
  });

  it('writes one row per event with WITA time, actor, citations and documents', () => {
    expect(csv).toContain('2024-05-23 09:00 WITA');
    expect(csv).toContain('"Maria ""Goreti"", S.H."');
    expect(csv).toContain('Pergub NTT 113/2023 Pasal 10 huruf c; UU 5/2014 Pasal 116');
    expect(csv).toContain('"KASN B-1626/JP.00.00/05/2024 (2024-05-08) Rekomendasi\nbaris dua"');
  });

  it('never lets recorded text run as a spreadsheet formula', () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+62')).toBe("'+62");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('Kupang')).toBe('Kupang');
  });
});
