import type { RecordedDocument } from '../types.js';

/**
 * Who appoints to a post, by the kind of post and the date of the decree (docs/domain.md §10):
 * data, not code per post. A post without a kind is an ordinary JPT Pratama post of the province.
 */
export const POST_KINDS = ['JPT_PRATAMA', 'KADIS_DUKCAPIL', 'SEKWAN'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** A document that must be recorded, dated no later than the decree, issued by one of `issuers`. */
export type RequiredApproval = {
  readonly kind: 'GOVERNOR_PROPOSAL' | 'DPRD_LEADERSHIP_APPROVAL';
  /** Words for people (Bahasa Indonesia). */
  readonly label: string;
  /** Issuer names, compared without case, spaces or punctuation. */
  readonly issuers: readonly string[];
};

export type AppointingAuthority = {
  readonly postKind: PostKind;
  /** First and last dates of decrees this row governs ('YYYY-MM-DD'); open when absent. */
  readonly from?: string;
  readonly until?: string;
  /** Who issues the appointment decree (issuer names of the recorded decree). */
  readonly appointedBy: readonly string[];
  readonly appointedByLabel: string;
  readonly approvals: readonly RequiredApproval[];
  readonly citation: string;
};

const GOVERNOR = ['GUBERNUR', 'PJ GUBERNUR', 'PENJABAT GUBERNUR', 'PLT GUBERNUR'];

export const APPOINTING_AUTHORITIES: readonly AppointingAuthority[] = [
  {
    postKind: 'JPT_PRATAMA',
    appointedBy: GOVERNOR,
    appointedByLabel: 'Gubernur selaku PPK',
    approvals: [],
    citation:
      'PP 11/2017 jo PP 17/2020 Pasal 3 dan Pasal 127 (PPK menetapkan pengangkatan JPT Pratama)',
  },
  {
    postKind: 'KADIS_DUKCAPIL',
    appointedBy: ['MENDAGRI', 'MENTERI DALAM NEGERI', 'KEMENDAGRI'],
    appointedByLabel: 'Menteri Dalam Negeri',
    approvals: [
      {
        kind: 'GOVERNOR_PROPOSAL',
        label: 'usulan Gubernur kepada Menteri Dalam Negeri',
        issuers: GOVERNOR,
      },
    ],
    citation:
      'UU 24/2013 Pasal 83A (kepala instansi pelaksana administrasi kependudukan provinsi diangkat dan diberhentikan oleh Menteri atas usul gubernur) [UNVERIFIED]; Permendagri 76/2015 [UNVERIFIED]',
  },
  {
    postKind: 'SEKWAN',
    appointedBy: GOVERNOR,
    appointedByLabel: 'Gubernur',
    approvals: [
      {
        kind: 'DPRD_LEADERSHIP_APPROVAL',
        label: 'persetujuan pimpinan DPRD setelah berkonsultasi dengan pimpinan fraksi',
        issuers: ['PIMPINAN DPRD', 'DPRD', 'KETUA DPRD'],
      },
    ],
    citation:
      'UU 23/2014 Pasal 215 (sekretaris DPRD provinsi diangkat dan diberhentikan dengan keputusan gubernur atas persetujuan pimpinan DPRD setelah berkonsultasi dengan pimpinan fraksi) [UNVERIFIED]; Penjelasan UU 17/2014 Pasal 418 ayat (2)',
  },
];

const squash = (name: string) => name.toUpperCase().replace(/[^A-Z]/g, '');

/** Whether `issuer` is one of `names` (case, spaces and punctuation ignored). */
export const issuerIs = (issuer: string, names: readonly string[]): boolean =>
  names.some((name) => squash(name) === squash(issuer));

/** The authority for a post kind on a decree's date (the ordinary PPK when none is dated). */
export function appointingAuthorityOn(
  postKind: PostKind | undefined,
  date: string,
): AppointingAuthority | undefined {
  const kind = postKind ?? 'JPT_PRATAMA';
  return APPOINTING_AUTHORITIES.find(
    (row) =>
      row.postKind === kind &&
      (row.from === undefined || row.from <= date) &&
      (row.until === undefined || date <= row.until),
  );
}

/** What is wrong with a decree for a post of `postKind`. */
export function appointingAuthorityProblems(
  postKind: PostKind | undefined,
  decree: RecordedDocument,
  approvals: readonly RecordedDocument[],
): string[] {
  const authority = appointingAuthorityOn(postKind, decree.date);
  if (!authority)
    return [`no appointing authority is known for a ${postKind} post on ${decree.date}`];
  return [
    ...(issuerIs(decree.issuer, authority.appointedBy)
      ? []
      : [
          `decree ${decree.number} is issued by ${decree.issuer}; this post is appointed by ${authority.appointedByLabel}`,
        ]),
    ...authority.approvals
      .filter(
        (needed) =>
          !approvals.some((a) => issuerIs(a.issuer, needed.issuers) && a.date <= decree.date),
      )
      .map(
        (needed) =>
          `decree ${decree.number} needs the ${needed.label} dated no later than ${decree.date}`,
      ),
  ];
}
