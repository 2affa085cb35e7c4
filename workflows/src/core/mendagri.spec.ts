import {
  MENDAGRI_APPROVAL_BASES,
  MENDAGRI_REPORT_DEADLINE,
  mendagriApprovalRequired,
  ppkStatusOn,
  type PpkStatus,
} from './mendagri.js';
import { PILKADA_2024, PILKADA_2024_NTT } from './reference/pilkada.js';

const gubernur: PpkStatus = { status: 'GUBERNUR', since: '2018-09-05' };
const penjabat: PpkStatus = { status: 'PENJABAT', since: '2023-09-05' };
const elected: PpkStatus = { status: 'GUBERNUR', since: '2025-02-20' };
const nttHistory = [gubernur, penjabat, elected];

const citations = (result: { reasons: { citation: string }[] }) =>
  result.reasons.map((r) => r.citation);

describe('Mendagri approval (docs/domain.md §5)', () => {
  it('has the 2024 window start on 2024-03-22 (six months before 22 September)', () => {
    expect(PILKADA_2024.candidateDetermination).toBe('2024-09-22');
    const required = (date: string) =>
      mendagriApprovalRequired({ ppkStatus: gubernur, date, pilkada: PILKADA_2024 }).required;
    expect(required('2024-03-21')).toBe(false);
    expect(required('2024-03-22')).toBe(true);
  });

  describe('when the PPK is a Penjabat', () => {
    it('requires approval under PP 49/2008 Pasal 132A and Permendagri 4/2023 Pasal 15', () => {
      const result = mendagriApprovalRequired({ ppkStatus: penjabat, date: '2023-10-01' });
      expect(result).toEqual({ required: true, reasons: [MENDAGRI_APPROVAL_BASES.penjabat] });
      expect(citations(result)[0]).toMatch(/PP 49\/2008 Pasal 132A.*Permendagri 4\/2023 Pasal 15/);
    });

    it('gives every reason at once inside the Pilkada window (the NTT announcement, May 2024)', () => {
      const result = mendagriApprovalRequired({
        ppkStatus: nttHistory,
        date: '2024-05-15',
        pilkada: PILKADA_2024_NTT,
      });
      expect(citations(result)).toEqual([
        MENDAGRI_APPROVAL_BASES.penjabat.citation,
        'UU 10/2016 Pasal 71 ayat (2)',
      ]);
    });
  });

  it('requires approval when the PPK is a Plt', () => {
    const result = mendagriApprovalRequired({
      ppkStatus: { status: 'PLT', since: '2024-01-01' },
      date: '2024-02-01',
    });
    expect(result).toEqual({ required: true, reasons: [MENDAGRI_APPROVAL_BASES.plt] });
  });

  it('does not require it of an elected Governor outside every window', () => {
    expect(
      mendagriApprovalRequired({ ppkStatus: gubernur, date: '2023-01-10', pilkada: PILKADA_2024 }),
    ).toEqual({
      required: false,
      reasons: [],
    });
    expect(mendagriApprovalRequired({ ppkStatus: null, date: '2023-01-10' }).required).toBe(false);
  });

  describe('UU 10/2016 Pasal 71(2), to the end of term', () => {
    const cycle = { candidateDetermination: '2024-09-22', endOfTerm: '2024-12-31' };

    it('holds through the end of term and not after', () => {
      const on = (date: string) =>
        citations(mendagriApprovalRequired({ ppkStatus: gubernur, date, pilkada: cycle }));
      expect(on('2024-12-31')).toEqual(['UU 10/2016 Pasal 71 ayat (2)']);
      expect(on('2025-01-01')).toEqual([]);
    });

    it('without an end of term, runs until the new head is inaugurated', () => {
      const on = (date: string) =>
        citations(
          mendagriApprovalRequired({ ppkStatus: gubernur, date, pilkada: PILKADA_2024_NTT }),
        );
      expect(on('2025-02-19')).toEqual(['UU 10/2016 Pasal 71 ayat (2)']);
      expect(on('2025-02-20')).toEqual(['UU 10/2016 Pasal 162 ayat (3)']);
    });

    it('without either, stays open', () => {
      const result = mendagriApprovalRequired({
        ppkStatus: gubernur,
        date: '2026-01-05',
        pilkada: PILKADA_2024,
      });
      expect(citations(result)).toEqual(['UU 10/2016 Pasal 71 ayat (2)']);
    });
  });

  describe('UU 10/2016 Pasal 162(3), six months after inauguration', () => {
    const on = (date: string) =>
      mendagriApprovalRequired({ ppkStatus: nttHistory, date, pilkada: PILKADA_2024_NTT });

    it('covers the 2025-05-19 inauguration of the 15 NTT officials', () => {
      expect(on('2025-05-19')).toEqual({
        required: true,
        reasons: [MENDAGRI_APPROVAL_BASES.afterInauguration],
      });
    });

    it('ends six months after the inauguration', () => {
      expect(on('2025-08-19').required).toBe(true);
      expect(on('2025-08-20')).toEqual({ required: false, reasons: [] });
    });

    it('reads several Pilkada cycles', () => {
      const next = { candidateDetermination: '2029-09-22' };
      expect(
        mendagriApprovalRequired({
          ppkStatus: elected,
          date: '2029-04-01',
          pilkada: [PILKADA_2024_NTT, next],
        }).required,
      ).toBe(true);
      expect(
        mendagriApprovalRequired({
          ppkStatus: elected,
          date: '2026-04-01',
          pilkada: [PILKADA_2024_NTT, next],
        }).required,
      ).toBe(false);
    });
  });

  describe('ppkStatusOn', () => {
    it('takes the latest status in force on the date, in any order', () => {
      expect(ppkStatusOn([elected, gubernur, penjabat], '2024-05-15')).toBe(penjabat);
      expect(ppkStatusOn(nttHistory, '2025-02-20')).toBe(elected);
      expect(ppkStatusOn([penjabat, gubernur], '2024-01-01')).toBe(penjabat);
      expect(ppkStatusOn(nttHistory, '2010-01-01')).toBeUndefined();
      expect(ppkStatusOn(penjabat, '2023-09-05')).toBe(penjabat);
      expect(ppkStatusOn(undefined, '2023-09-05')).toBeUndefined();
    });
  });

  it('returns copies, so a caller cannot alter the reference bases', () => {
    const result = mendagriApprovalRequired({ ppkStatus: penjabat, date: '2024-01-01' });
    result.reasons[0]!.basis = 'changed';
    expect(MENDAGRI_APPROVAL_BASES.penjabat.basis).toBe('PPK adalah Penjabat kepala daerah');
  });

  it('asks for the report within 7 working days', () => {
    expect(MENDAGRI_REPORT_DEADLINE.workingDays).toBe(7);
    expect(MENDAGRI_REPORT_DEADLINE.citation).not.toHaveLength(0);
  });
});
