import { compareDuk, LEADERSHIP_TRAININGS, orderByDuk } from './pergub113.duk.js';
import { aProfile } from './pergub113.fixtures.js';
import type { PnsProfile } from './pergub113.types.js';

// PP 15/1979 (DUK): each criterion decides only when every earlier one is equal.
const base = (n: number, overrides: Partial<PnsProfile> = {}) =>
  aProfile(n, {
    pangkat: { code: 'III/d', tmt: '2021-04-01' },
    jabatan: { eselon: 'IV.a', since: '2019-01-02' },
    masaKerjaMonths: 200,
    leadershipTraining: { level: 'PKP', passedOn: '2018-05-01' },
    education: { level: 'S1' },
    birthDate: '1980-01-01',
    ...overrides,
  });

const order = (...profiles: PnsProfile[]) => orderByDuk(profiles).map((p) => p.name);

describe('DUK order (PP 15/1979)', () => {
  it.each([
    ['1. higher pangkat', { pangkat: { code: 'IV/a', tmt: '2024-10-01' } }],
    ['2. earlier TMT of the same pangkat', { pangkat: { code: 'III/d', tmt: '2020-10-01' } }],
    ['3. higher jabatan', { jabatan: { eselon: 'III.b', since: '2024-01-02' } }],
    ['3. earlier in the same jabatan', { jabatan: { eselon: 'IV.a', since: '2017-01-02' } }],
    ['4. longer masa kerja', { masaKerjaMonths: 201 }],
    [
      '5. higher leadership training',
      { leadershipTraining: { level: 'PKA' as const, passedOn: '2024-05-01' } },
    ],
    [
      '5. the same training passed earlier',
      { leadershipTraining: { level: 'PKP' as const, passedOn: '2016-05-01' } },
    ],
    ['6. higher education', { education: { level: 'S2' } }],
    ['7. older', { birthDate: '1975-06-30' }],
  ])('puts first the one with %s', (_name, advantage) => {
    const ahead = base(2, { name: 'ahead', ...advantage });
    const behind = base(1, { name: 'behind' });
    expect(order(behind, ahead)).toEqual(['ahead', 'behind']);
    expect(compareDuk(ahead, behind)).toBeLessThan(0);
  });

  it('lets an earlier criterion outweigh every later one', () => {
    const senior = base(1, {
      name: 'senior',
      pangkat: { code: 'IV/a', tmt: '2024-10-01' },
      education: { level: 'D-III' },
    });
    const educated = base(2, {
      name: 'educated',
      masaKerjaMonths: 300,
      education: { level: 'S3' },
      birthDate: '1965-01-01',
    });
    expect(order(educated, senior)).toEqual(['senior', 'educated']);
  });

  it('puts a missing value last and settles full equality by NIP', () => {
    const unknown = base(1, { name: 'unknown' });
    delete unknown.pangkat;
    expect(order(unknown, base(3, { name: 'c' }), base(2, { name: 'b' }))).toEqual([
      'b',
      'c',
      'unknown',
    ]);
    expect(compareDuk(base(2), base(2))).toBe(0);
  });

  it('compares missing dates, positions and trainings as lowest', () => {
    const bare = (n: number, name: string) => {
      const p = base(n, { name });
      delete p.jabatan;
      delete p.leadershipTraining;
      delete p.birthDate;
      return p;
    };
    expect(order(bare(1, 'bare'), base(2, { name: 'full' }))).toEqual(['full', 'bare']);
    expect(order(base(5, { name: 'full' }), bare(4, 'bare'))).toEqual(['full', 'bare']);
    expect(order(bare(7, 'seven'), bare(6, 'six'))).toEqual(['six', 'seven']);
  });

  it('keeps the leadership training table with a source per row, highest first', () => {
    expect(LEADERSHIP_TRAININGS.map((t) => t.level)).toEqual(['PKN_I', 'PKN_II', 'PKA', 'PKP']);
    expect(LEADERSHIP_TRAININGS.every((t) => t.source.length > 0)).toBe(true);
  });

  it('returns a new array and leaves the input alone', () => {
    const input = [base(2, { name: 'b' }), base(1, { name: 'a' })];
    const output = orderByDuk(input);
    expect(output).not.toBe(input);
    expect(input.map((p) => p.name)).toEqual(['b', 'a']);
  });
});
