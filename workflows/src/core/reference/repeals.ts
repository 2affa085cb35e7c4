/**
 * Acts that were repealed or replaced, with the first day they no longer govern: a rule may cite
 * one only for acts dated before that day (docs/domain.md §9). Each row names its source.
 */
export type Repeal = {
  /** How the act is cited in jejak's citations, e.g. `UU 5/2014`. */
  readonly act: string;
  /** The first day on which the act no longer applies ('YYYY-MM-DD'). */
  readonly repealedOn: string;
  readonly by: string;
  readonly source: string;
};

export const REPEALS: readonly Repeal[] = [
  {
    act: 'UU 5/2014',
    repealedOn: '2023-10-31',
    by: 'UU 20/2023',
    source:
      'UU 20/2023 tentang Aparatur Sipil Negara, ketentuan penutup: UU 5/2014 dicabut; diundangkan dan berlaku 31 Oktober 2023',
  },
];

/** Whether a citation text names the act (`UU 5/2014`, not `UU 5/20145`). */
export const citesAct = (text: string, act: string): boolean =>
  new RegExp(`(^|[^0-9/])${act.replace(/[/.]/g, '\\$&')}(?![0-9])`).test(text);
