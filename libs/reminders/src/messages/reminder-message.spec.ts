import type { Deadline } from '@jejak/workflows';
import { formatRemaining, formatWita } from './format-wita.js';
import { composeReminderMessage } from './reminder-message.js';

const deadline: Deadline = {
  deadlineId: 'vacancy-7-tmt',
  kind: 'legal',
  label: 'TMT jabatan akan lowong',
  dueAt: '2024-07-31T15:59:59.000Z',
  legalBasis: 'PP 11/2017 Pasal 132',
  vacancyId: '7',
  recipients: ['SEKRETARIAT'],
};
const base = {
  kind: 'reminder' as const,
  deadline,
  selection: { selectionId: 'abc', title: 'Seleksi Terbuka JPTP NTT 2024' },
  vacancyTitle: 'Kepala Dinas Energi dan Sumber Daya Mineral',
  link: 'https://jejak.example.org/selections/abc',
  now: '2024-07-28T15:59:59.000Z',
};

describe('formatWita', () => {
  it('shows a UTC instant in WITA: the end of a date is 23:59:59 WITA, 15:59:59 UTC', () => {
    expect(formatWita('2024-05-29T15:59:59.000Z', 'id')).toBe(
      'Rabu, 29 Mei 2024 pukul 23.59.59 WITA',
    );
    expect(formatWita('2024-05-29T15:59:59.000Z', 'en')).toBe(
      'Wednesday, 29 May 2024 at 23:59:59 WITA',
    );
  });

  it('crosses the day and the year boundary as WITA does', () => {
    expect(formatWita('2024-12-31T16:00:00.000Z', 'id')).toBe(
      'Rabu, 1 Januari 2025 pukul 00.00.00 WITA',
    );
  });

  it('says how long is left in the largest whole unit', () => {
    expect(formatRemaining(0, 3 * 86_400_000, 'id')).toBe('3 hari');
    expect(formatRemaining(0, 1_000, 'en')).toBe('1 second');
    expect(formatRemaining(0, 7_200_000, 'en')).toBe('2 hours');
  });
});

describe('composeReminderMessage', () => {
  it('writes Bahasa Indonesia by default: what, which selection and post, when, basis, link', () => {
    const { subject, text } = composeReminderMessage({ ...base, lang: 'id' });
    expect(subject).toBe('Pengingat: TMT jabatan akan lowong (3 hari lagi)');
    expect(text).toContain('Seleksi: Seleksi Terbuka JPTP NTT 2024');
    expect(text).toContain('Jabatan: Kepala Dinas Energi dan Sumber Daya Mineral');
    expect(text).toContain('Batas waktu: Rabu, 31 Juli 2024 pukul 23.59.59 WITA');
    expect(text).toContain('Dasar hukum: PP 11/2017 Pasal 132');
    expect(text).toContain('Tautan: https://jejak.example.org/selections/abc');
  });

  it('writes English when asked, and says when a planned date is not a legal deadline', () => {
    const planned: Deadline = {
      ...deadline,
      kind: 'planned',
      legalBasis: undefined,
      label: 'Wawancara',
    };
    const { subject, text } = composeReminderMessage({
      ...base,
      kind: 'escalation',
      deadline: planned,
      vacancyTitle: undefined,
      now: '2024-08-01T15:59:59.000Z',
      lang: 'en',
    });
    expect(subject).toBe('Overdue: Wawancara (1 day late)');
    expect(text).toContain('Legal basis: Published schedule (not a legal deadline)');
    expect(text).not.toContain('Post:');
  });
});
