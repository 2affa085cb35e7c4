import { duplicates, eventRule } from './pergub113.rule-kit.js';
import type { SekretariatMember, TpkMember, TpkSeat } from './pergub113.types.js';

const TPK_SEATS: readonly TpkSeat[] = ['SEKDA', 'BKD', 'INSPEKTORAT', 'PPT_TERKAIT'];

function tpkViolations(members: readonly TpkMember[]): string[] {
  const n = members.length;
  const seatsHeld = (seat: TpkSeat) => members.filter((m) => m.covers.includes(seat)).length;
  return [
    ...(n % 2 === 1 && n <= 5 ? [] : [`TPK beranggota ${n} orang: harus gasal, paling tinggi 5`]),
    ...TPK_SEATS.filter((seat) => seatsHeld(seat) === 0).map(
      (seat) => `unsur ${seat} tidak terwakili dalam TPK`,
    ),
    ...(seatsHeld('SEKDA') > 1 ? ['unsur SEKDA diisi lebih dari satu orang'] : []),
    ...members
      .filter((m) => new Set(m.covers).size < 1 || new Set(m.covers).size > 2)
      .map((m) => `${m.name} mewakili ${new Set(m.covers).size} unsur: harus 1 atau 2`),
    ...duplicates(members.map((m) => m.nip)).map((nip) => `NIP ${nip} tercatat lebih dari sekali`),
  ];
}

/** B-TPK: the PPK forms a TPK of an odd number, at most 5, covering the four seats. */
export const tpkComposition = eventRule({
  id: 'B-TPK',
  citation: 'Pergub NTT 113/2023 Pasal 5 ayat (3) dan ayat (4)',
  on: { TPKFormed: (_context, event) => tpkViolations(event.data.members) },
});

function sekretariatViolations(members: readonly SekretariatMember[]): string[] {
  const coordinators = members.filter((m) => m.coordinator);
  const coordinator = coordinators[0];
  return [
    ...(coordinators.length === 1
      ? []
      : [`sekretariat TPK mempunyai ${coordinators.length} koordinator: harus tepat 1`]),
    ...(coordinator &&
    !(coordinator.atBkd && coordinator.position === 'KEPALA_BIDANG_PENGEMBANGAN_KARIER')
      ? [`koordinator ${coordinator.name} bukan kepala bidang pengembangan karier PNS pada BKD`]
      : []),
    ...members.filter((m) => !m.atBkd).map((m) => `${m.name} bukan pegawai BKD`),
    ...duplicates(members.map((m) => m.nip)).map((nip) => `NIP ${nip} tercatat lebih dari sekali`),
  ];
}

/** B-SEKR: the Sekretariat TPK is BKD staff, coordinated by the BKD head of career development. */
export const sekretariatComposition = eventRule({
  id: 'B-SEKR',
  citation: 'Pergub NTT 113/2023 Pasal 7 ayat (2)',
  on: { SekretariatTPKFormed: (_context, event) => sekretariatViolations(event.data.members) },
});
