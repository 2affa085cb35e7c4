/** NTT keeps WITA (Asia/Makassar, UTC+8, no DST): computed by hand so no ICU build can vary it. */
const WITA_OFFSET_MS = 8 * 3_600_000;

const NAMES = {
  id: {
    days: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
    months: [
      'Januari',
      'Februari',
      'Maret',
      'April',
      'Mei',
      'Juni',
      'Juli',
      'Agustus',
      'September',
      'Oktober',
      'November',
      'Desember',
    ],
    at: 'pukul',
    sep: '.',
  },
  en: {
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    at: 'at',
    sep: ':',
  },
} as const;

export type Lang = keyof typeof NAMES;

const two = (n: number) => String(n).padStart(2, '0');

/** `Rabu, 29 Mei 2024 pukul 23.59.59 WITA` (id) or `Wednesday, 29 May 2024 at 23:59:59 WITA` (en). */
export function formatWita(instant: string, lang: Lang): string {
  const wita = new Date(Date.parse(instant) + WITA_OFFSET_MS);
  const names = NAMES[lang];
  const date = `${names.days[wita.getUTCDay()]}, ${wita.getUTCDate()} ${names.months[wita.getUTCMonth()]} ${wita.getUTCFullYear()}`;
  const time = [wita.getUTCHours(), wita.getUTCMinutes(), wita.getUTCSeconds()]
    .map(two)
    .join(names.sep);
  return `${date} ${names.at} ${time} WITA`;
}

/** How long until (or since) the due instant, in the largest whole unit: `3 hari`, `2 days`. */
export function formatRemaining(fromMs: number, toMs: number, lang: Lang): string {
  const span = Math.abs(toMs - fromMs);
  const units: [number, string, string][] = [
    [86_400_000, 'hari', 'day'],
    [3_600_000, 'jam', 'hour'],
    [60_000, 'menit', 'minute'],
    [1_000, 'detik', 'second'],
  ];
  const [size, id, en] = units.find(([ms]) => span >= ms) ?? units[units.length - 1]!;
  const count = Math.max(1, Math.round(span / size));
  return lang === 'id' ? `${count} ${id}` : `${count} ${en}${count === 1 ? '' : 's'}`;
}
