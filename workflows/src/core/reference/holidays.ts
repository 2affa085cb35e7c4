/**
 * National holidays (libur) and ASN cuti bersama, 2024-2026 (docs/domain.md §2): a working day is
 * Monday-Friday and in neither list. Each row names its source; extend the table per year.
 */
export type HolidayRow = {
  readonly date: string;
  readonly name: string;
  readonly kind: 'libur' | 'cuti-bersama';
  readonly source: string;
};

/** The years this table covers; outside them only weekends are known. */
export const HOLIDAY_YEARS: readonly number[] = [2024, 2025, 2026];

// Numbers checked against published texts or reports of them (2026-12); those not found are
// marked [UNVERIFIED] rather than guessed.
const SKB_2024 =
  'SKB Menag, Menaker dan MenPAN-RB Nomor 855 Tahun 2023, Nomor 3 Tahun 2023, Nomor 4 Tahun 2023 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2024';
const KEPPRES_2024 = `Keppres 7/2024 (cuti bersama ASN 2024) [UNVERIFIED]; ${SKB_2024}`;
const SKB_2025 =
  'SKB Menag, Menaker dan MenPAN-RB Nomor 1017 Tahun 2024, Nomor 2 Tahun 2024, Nomor 2 Tahun 2024 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2025';
const KEPPRES_2025 = `Keppres 2/2025 (cuti bersama ASN 2025) [UNVERIFIED]; ${SKB_2025}`;
const SKB_2026 =
  'SKB Menag, Menaker dan MenPAN-RB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026 [UNVERIFIED: nomor]';
const KEPPRES_2026 = `Keppres 42/2025 tentang Cuti Bersama Pegawai ASN Tahun 2026; ${SKB_2026}`;

const libur =
  (source: string) =>
  (date: string, name: string): HolidayRow => ({
    date,
    name,
    kind: 'libur',
    source,
  });
const cuti =
  (source: string) =>
  (date: string, name: string): HolidayRow => ({
    date,
    name,
    kind: 'cuti-bersama',
    source,
  });

const libur2024 = libur(SKB_2024);
const cuti2024 = cuti(KEPPRES_2024);
const libur2025 = libur(SKB_2025);
const cuti2025 = cuti(KEPPRES_2025);
const libur2026 = libur(SKB_2026);
const cuti2026 = cuti(KEPPRES_2026);

export const HOLIDAYS: readonly HolidayRow[] = [
  libur2024('2024-01-01', 'Tahun Baru 2024 Masehi'),
  libur2024('2024-02-08', 'Isra Mikraj Nabi Muhammad SAW'),
  cuti2024('2024-02-09', 'Cuti bersama Tahun Baru Imlek'),
  libur2024('2024-02-10', 'Tahun Baru Imlek 2575 Kongzili'),
  libur(
    'Keppres 10/2024 tentang Hari Pemungutan Suara Pemilihan Umum Tahun 2024 sebagai Hari Libur Nasional; UU 7/2017 Pasal 167 ayat (3)',
  )('2024-02-14', 'Pemungutan suara Pemilihan Umum 2024'),
  libur2024('2024-03-11', 'Hari Suci Nyepi Tahun Baru Saka 1946'),
  cuti2024('2024-03-12', 'Cuti bersama Hari Suci Nyepi'),
  libur2024('2024-03-29', 'Wafat Isa Almasih'),
  libur2024('2024-03-31', 'Hari Paskah'),
  cuti2024('2024-04-08', 'Cuti bersama Idul Fitri 1445 H'),
  cuti2024('2024-04-09', 'Cuti bersama Idul Fitri 1445 H'),
  libur2024('2024-04-10', 'Idul Fitri 1445 H'),
  libur2024('2024-04-11', 'Idul Fitri 1445 H'),
  cuti2024('2024-04-12', 'Cuti bersama Idul Fitri 1445 H'),
  cuti2024('2024-04-15', 'Cuti bersama Idul Fitri 1445 H'),
  libur2024('2024-05-01', 'Hari Buruh Internasional'),
  libur2024('2024-05-09', 'Kenaikan Isa Almasih'),
  cuti2024('2024-05-10', 'Cuti bersama Kenaikan Isa Almasih'),
  libur2024('2024-05-23', 'Hari Raya Waisak 2568 BE'),
  cuti2024('2024-05-24', 'Cuti bersama Hari Raya Waisak'),
  libur2024('2024-06-01', 'Hari Lahir Pancasila'),
  libur2024('2024-06-17', 'Idul Adha 1445 H'),
  cuti2024('2024-06-18', 'Cuti bersama Idul Adha 1445 H'),
  libur2024('2024-07-07', 'Tahun Baru Islam 1446 H'),
  libur2024('2024-08-17', 'Hari Kemerdekaan Republik Indonesia'),
  libur2024('2024-09-16', 'Maulid Nabi Muhammad SAW'),
  libur(
    'Keppres 33/2024 tentang Hari Pemungutan Suara Pemilihan Gubernur, Bupati dan Wali Kota Tahun 2024 sebagai Hari Libur Nasional',
  )('2024-11-27', 'Pemungutan suara Pemilihan Kepala Daerah serentak 2024'),
  libur2024('2024-12-25', 'Hari Raya Natal'),
  cuti2024('2024-12-26', 'Cuti bersama Hari Raya Natal'),

  libur2025('2025-01-01', 'Tahun Baru 2025 Masehi'),
  libur2025('2025-01-27', 'Isra Mikraj Nabi Muhammad SAW'),
  cuti2025('2025-01-28', 'Cuti bersama Tahun Baru Imlek'),
  libur2025('2025-01-29', 'Tahun Baru Imlek 2576 Kongzili'),
  cuti2025('2025-03-28', 'Cuti bersama Hari Suci Nyepi'),
  libur2025('2025-03-29', 'Hari Suci Nyepi Tahun Baru Saka 1947'),
  libur2025('2025-03-31', 'Idul Fitri 1446 H'),
  libur2025('2025-04-01', 'Idul Fitri 1446 H'),
  cuti2025('2025-04-02', 'Cuti bersama Idul Fitri 1446 H'),
  cuti2025('2025-04-03', 'Cuti bersama Idul Fitri 1446 H'),
  cuti2025('2025-04-04', 'Cuti bersama Idul Fitri 1446 H'),
  cuti2025('2025-04-07', 'Cuti bersama Idul Fitri 1446 H'),
  libur2025('2025-04-18', 'Wafat Yesus Kristus'),
  libur2025('2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)'),
  libur2025('2025-05-01', 'Hari Buruh Internasional'),
  libur2025('2025-05-12', 'Hari Raya Waisak 2569 BE'),
  cuti2025('2025-05-13', 'Cuti bersama Hari Raya Waisak'),
  libur2025('2025-05-29', 'Kenaikan Yesus Kristus'),
  cuti2025('2025-05-30', 'Cuti bersama Kenaikan Yesus Kristus'),
  libur2025('2025-06-01', 'Hari Lahir Pancasila'),
  libur2025('2025-06-06', 'Idul Adha 1446 H'),
  cuti2025('2025-06-09', 'Cuti bersama Idul Adha 1446 H'),
  libur2025('2025-06-27', 'Tahun Baru Islam 1447 H'),
  libur2025('2025-08-17', 'Hari Kemerdekaan Republik Indonesia'),
  cuti(
    `SKB Menag, Menaker dan MenPAN-RB Nomor 933 Tahun 2025, Nomor 1 Tahun 2025, Nomor 3 Tahun 2025 (perubahan, cuti bersama HUT RI ke-80); ${SKB_2025}`,
  )('2025-08-18', 'Cuti bersama Hari Kemerdekaan Republik Indonesia'),
  libur2025('2025-09-05', 'Maulid Nabi Muhammad SAW'),
  libur2025('2025-12-25', 'Kelahiran Yesus Kristus (Natal)'),
  cuti2025('2025-12-26', 'Cuti bersama Natal'),

  libur2026('2026-01-01', 'Tahun Baru 2026 Masehi'),
  libur2026('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'),
  cuti2026('2026-02-16', 'Cuti bersama Tahun Baru Imlek'),
  libur2026('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'),
  cuti2026('2026-03-18', 'Cuti bersama Hari Suci Nyepi'),
  libur2026('2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948'),
  cuti2026('2026-03-20', 'Cuti bersama Idul Fitri 1447 H'),
  libur2026('2026-03-21', 'Idul Fitri 1447 H'),
  libur2026('2026-03-22', 'Idul Fitri 1447 H'),
  cuti2026('2026-03-23', 'Cuti bersama Idul Fitri 1447 H'),
  cuti2026('2026-03-24', 'Cuti bersama Idul Fitri 1447 H'),
  libur2026('2026-04-03', 'Wafat Yesus Kristus'),
  libur2026('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
  libur2026('2026-05-01', 'Hari Buruh Internasional'),
  libur2026('2026-05-14', 'Kenaikan Yesus Kristus'),
  cuti2026('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus'),
  libur2026('2026-05-27', 'Idul Adha 1447 H'),
  cuti2026('2026-05-28', 'Cuti bersama Idul Adha 1447 H'),
  libur2026('2026-05-31', 'Hari Raya Waisak 2570 BE'),
  libur2026('2026-06-01', 'Hari Lahir Pancasila'),
  libur2026('2026-06-16', 'Tahun Baru Islam 1448 H'),
  libur2026('2026-08-17', 'Hari Kemerdekaan Republik Indonesia'),
  libur2026('2026-08-25', 'Maulid Nabi Muhammad SAW'),
  cuti2026('2026-12-24', 'Cuti bersama Natal'),
  libur2026('2026-12-25', 'Kelahiran Yesus Kristus (Natal)'),
];

const BY_DATE = new Map(HOLIDAYS.map((row) => [row.date, row]));

/** The holiday or cuti bersama on a date ('YYYY-MM-DD'), if any. */
export function holidayOn(date: string): HolidayRow | undefined {
  return BY_DATE.get(date);
}

/** Whether the table covers the date's year (outside it, only weekends are known). */
export function holidayTableCovers(date: string): boolean {
  return HOLIDAY_YEARS.includes(Number(date.slice(0, 4)));
}
