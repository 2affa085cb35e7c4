/**
 * A Pilkada cycle's dates, as configuration (docs/domain.md §5). `candidateDetermination` opens the
 * UU 10/2016 Pasal 71(2) window six months earlier; it lasts to `endOfTerm` (inclusive) or, when
 * no end of term is set, to the day before `headInauguration`. Pasal 162(3) runs six months from
 * `headInauguration`.
 */
export type PilkadaSchedule = {
  readonly candidateDetermination: string;
  readonly headInauguration?: string;
  readonly endOfTerm?: string;
  readonly source?: string;
};

/** Pilkada serentak 2024: penetapan pasangan calon 22 September 2024 (window from 2024-03-22). */
export const PILKADA_2024: PilkadaSchedule = {
  candidateDetermination: '2024-09-22',
  source: 'PKPU 2/2024 (tahapan Pilkada 2024): penetapan pasangan calon 22 September 2024',
};

/**
 * NTT in the 2024 cycle: a Penjabat governed until the elected Governor was inaugurated with the
 * other governors on 20 February 2025 (the 162(3) window runs to 2025-08-19).
 */
export const PILKADA_2024_NTT: PilkadaSchedule = {
  ...PILKADA_2024,
  headInauguration: '2025-02-20',
  source: `${PILKADA_2024.source}; pelantikan serentak Gubernur hasil Pilkada 2024 oleh Presiden, 20 Februari 2025`,
};
