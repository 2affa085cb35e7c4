/** Who recommends JPT selections, by date (docs/domain.md §2): KASN until its functions moved. */
export type SupervisoryAuthority = 'KASN' | 'BKN/KemenPAN-RB';

export type SupervisoryCutover = {
  /** The first day on which BKN / KemenPAN-RB, not KASN, is the authority. */
  readonly from: string;
  readonly before: SupervisoryAuthority;
  readonly after: SupervisoryAuthority;
  readonly source: string;
};

/** The default cut-over; pass another `from` where a deployment records a different date. */
export const SUPERVISORY_CUTOVER: SupervisoryCutover = {
  from: '2024-08-01',
  before: 'KASN',
  after: 'BKN/KemenPAN-RB',
  source:
    'UU 20/2023 (ASN); Perpres 91/2024 dan 92/2024 (tugas dan fungsi KASN beralih ke BKN dan KemenPAN-RB)',
};

/** The supervisory authority on a date ('YYYY-MM-DD'); the cut-over date is configurable. */
export function supervisoryAuthorityOn(
  date: string,
  cutover: string = SUPERVISORY_CUTOVER.from,
): SupervisoryAuthority {
  return date < cutover ? SUPERVISORY_CUTOVER.before : SUPERVISORY_CUTOVER.after;
}

const ISSUERS: Record<string, SupervisoryAuthority> = {
  KASN: 'KASN',
  KOMISIAPARATURSIPILNEGARA: 'KASN',
  BKN: 'BKN/KemenPAN-RB',
  BADANKEPEGAWAIANNEGARA: 'BKN/KemenPAN-RB',
  KEMENPANRB: 'BKN/KemenPAN-RB',
  KEMENTERIANPANRB: 'BKN/KemenPAN-RB',
  BKNKEMENPANRB: 'BKN/KemenPAN-RB',
};

/** The authority an issuer name stands for (`KASN`, `BKN`, `KemenPAN-RB`...), if it is one. */
export function supervisoryAuthorityOf(issuer: string): SupervisoryAuthority | undefined {
  return ISSUERS[issuer.toUpperCase().replace(/[^A-Z]/g, '')];
}

/**
 * A supervisory document is valid when its issuer was the authority on the document's date: a
 * KASN letter dated on or after the cut-over is not (nor a BKN one before it); any other issuer
 * is not a supervisory authority at all.
 */
export function issuerValidOn(
  issuer: string,
  date: string,
  cutover: string = SUPERVISORY_CUTOVER.from,
): boolean {
  const authority = supervisoryAuthorityOf(issuer);
  return authority !== undefined && authority === supervisoryAuthorityOn(date, cutover);
}
