import {
  ELIGIBILITY,
  evaluateEligibility,
  monthsBetween,
  type EligibilityCheck,
  type EligibilityInput,
} from './pergub113.eligibility.js';
import { aProfile } from './pergub113.fixtures.js';
import type { EligibilityOutcome, MappingResult, PnsProfile } from './pergub113.types.js';

const ASOF = '2025-03-17';
const ADMINISTRATOR = { eselon: 'III.b', jabatan: 'ADMINISTRATOR' } as const;
const PENGAWAS = { eselon: 'IV.a', jabatan: 'PENGAWAS' } as const;
const MS: MappingResult = { jpm: 82, category: 'MS' };

type Case = [string, Partial<PnsProfile> | ((p: PnsProfile) => PnsProfile), MappingResult?];
type LetterCases = Record<EligibilityOutcome, Case[]>;

const without =
  (key: keyof PnsProfile) =>
  (p: PnsProfile): PnsProfile => {
    const copy = { ...p };
    delete copy[key];
    return copy;
  };

const experience = (kind: 'PENGAWAS' | 'PELAKSANA', from: string, relevantField = true) => ({
  experience: [{ kind, from, relevantField }],
});

/** Letters that read the same for both Pasal (a, b, e, f, h) and the post-specific ones (c, d, g). */
const SHARED: Record<'a' | 'b' | 'e' | 'f' | 'h', LetterCases> = {
  a: {
    pass: [['a PNS', {}]],
    fail: [
      ['a CPNS', { asnStatus: 'CPNS' }],
      ['a PPPK', { asnStatus: 'PPPK' }],
    ],
    pending: [['no recorded status', without('asnStatus')]],
  },
  b: {
    pass: [
      [
        'an attestation and a sanction long over',
        { integrity: { attested: true, sanctionUntil: '2024-01-31' } },
      ],
    ],
    fail: [
      ['integrity not attested', { integrity: { attested: false } }],
      [
        'a sanction running on the action date',
        { integrity: { attested: true, sanctionUntil: ASOF } },
      ],
    ],
    pending: [['no attestation', without('integrity')]],
  },
  e: {
    pass: [
      ['Baik and Sangat Baik in 2023 and 2024', {}],
      [
        'PP 46/2011 elements >= 76',
        {
          appraisals: [
            { year: 2023, regime: 'PP46/2011', elements: [76, 80, 90] },
            { year: 2024, regime: 'PP30/2019', predikat: 'Baik' },
          ],
        },
      ],
    ],
    fail: [
      [
        'Butuh Perbaikan in 2024',
        {
          appraisals: [
            { year: 2023, regime: 'PermenPANRB6/2022', predikat: 'Baik' },
            { year: 2024, regime: 'PermenPANRB6/2022', predikat: 'Butuh Perbaikan' },
          ],
        },
      ],
      [
        'an element of 75 in 2023 although 2024 is missing',
        {
          appraisals: [{ year: 2023, regime: 'PP46/2011', elements: [80, 75] }],
        },
      ],
    ],
    pending: [
      [
        '2024 not recorded',
        { appraisals: [{ year: 2023, regime: 'PermenPANRB6/2022', predikat: 'Baik' }] },
      ],
      ['no appraisal at all', without('appraisals')],
    ],
  },
  f: {
    pass: [
      ['mapped MS', {}, MS],
      ['mapped MMS', {}, { jpm: 70, category: 'MMS' }],
    ],
    fail: [['mapped KMS', {}, { jpm: 55, category: 'KMS' }]],
    pending: [['not mapped yet', {}]],
  },
  h: {
    pass: [['healthy', {}]],
    fail: [
      ['not physically healthy', { health: { physical: false, mental: true } }],
      ['not mentally healthy', { health: { physical: true, mental: false } }],
    ],
    pending: [['no health certificate', without('health')]],
  },
};

const PASAL_3: Record<'c' | 'd' | 'g', LetterCases> = {
  c: {
    pass: [
      ['III/c, the Pergub minimum for III.b', { pangkat: { code: 'III/c', tmt: '2020-04-01' } }],
    ],
    fail: [['III/b, below the minimum III/c', { pangkat: { code: 'III/b', tmt: '2020-04-01' } }]],
    pending: [['no recorded pangkat', without('pangkat')]],
  },
  d: {
    pass: [
      ['S1', {}],
      ['D-IV', { education: { level: 'D-IV' } }],
    ],
    fail: [['D-III', { education: { level: 'D-III' } }]],
    pending: [['no recorded education', without('education')]],
  },
  g: {
    pass: [
      ['3 years as Pengawas in the field', experience('PENGAWAS', '2022-03-17')],
      [
        '18 months as Pengawas, then 18 as JF setingkat Pengawas',
        {
          experience: [
            { kind: 'PENGAWAS', from: '2018-01-01', to: '2019-07-01', relevantField: true },
            { kind: 'JF_SETINGKAT_PENGAWAS', from: '2023-09-17', relevantField: true },
          ],
        },
      ],
    ],
    fail: [
      ['2 years 11 months as Pengawas', experience('PENGAWAS', '2022-04-18')],
      ['10 years as Pengawas in another field', experience('PENGAWAS', '2015-01-01', false)],
      ['10 years as Pelaksana only', experience('PELAKSANA', '2015-01-01')],
    ],
    pending: [['no recorded career', without('experience')]],
  },
};

const PASAL_4: Record<'c' | 'd' | 'g', LetterCases> = {
  c: {
    pass: [
      ['III/b, the Pergub minimum for IV.a', { pangkat: { code: 'III/b', tmt: '2020-04-01' } }],
    ],
    fail: [['III/a, below the minimum III/b', { pangkat: { code: 'III/a', tmt: '2020-04-01' } }]],
    pending: [['no recorded pangkat', without('pangkat')]],
  },
  d: {
    pass: [['D-III', { education: { level: 'D-III' } }]],
    fail: [['SMA/SMK', { education: { level: 'SMA/SMK' } }]],
    pending: [['no recorded education', without('education')]],
  },
  g: {
    pass: [['4 years as Pelaksana in the field', experience('PELAKSANA', '2021-03-17')]],
    fail: [
      ['3 years as Pelaksana', experience('PELAKSANA', '2022-03-17')],
      ['4 years as Pelaksana in another field', experience('PELAKSANA', '2021-01-01', false)],
    ],
    pending: [['no recorded career', without('experience')]],
  },
};

function inputFor(post: EligibilityInput['post'], c: Case): EligibilityInput {
  const base = aProfile(1, {}, post.jabatan === 'PENGAWAS');
  const profile = typeof c[1] === 'function' ? c[1](base) : { ...base, ...c[1] };
  return { profile, post, asOf: ASOF, ...(c[2] ? { mapping: c[2] } : {}) };
}

const LETTERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;

describe.each([
  { pasal: 3, post: ADMINISTRATOR, specific: PASAL_3 },
  { pasal: 4, post: PENGAWAS, specific: PASAL_4 },
])('Pergub NTT 113/2023 Pasal $pasal eligibility', ({ pasal, post, specific }) => {
  describe.each(LETTERS.map((letter, index) => ({ letter, index })))(
    'huruf $letter',
    ({ letter, index }) => {
      const check: EligibilityCheck = ELIGIBILITY[post.jabatan][index]!;
      const cases: LetterCases =
        letter === 'c' || letter === 'd' || letter === 'g' ? specific[letter] : SHARED[letter];
      const rows = (['pass', 'fail', 'pending'] as const).flatMap((outcome) =>
        cases[outcome].map((c) => ({ outcome, name: c[0], c })),
      );

      it.each(rows)('$outcome: $name', ({ outcome, c }) => {
        const result = check(inputFor(post, c));
        expect(result).toEqual({
          letter,
          outcome,
          citation: `Pergub NTT 113/2023 Pasal ${pasal} huruf ${letter}`,
          reason: expect.any(String),
        });
        expect(result.reason.length).toBeGreaterThan(0);
      });
    },
  );
});

describe('evaluateEligibility', () => {
  it('answers every letter a to h of the post’s Pasal, in order', () => {
    const results = evaluateEligibility({
      profile: aProfile(1),
      post: ADMINISTRATOR,
      asOf: ASOF,
      mapping: MS,
    });
    expect(results.map((r) => [r.letter, r.outcome])).toEqual(LETTERS.map((l) => [l, 'pass']));
    expect(results.every((r) => r.citation.startsWith('Pergub NTT 113/2023 Pasal 3 huruf'))).toBe(
      true,
    );
  });

  it('fails huruf c for a post whose eselon has no jenjang pangkat', () => {
    const [, , c] = evaluateEligibility({
      profile: aProfile(1),
      post: { eselon: 'X.z' as 'III.a', jabatan: 'ADMINISTRATOR' },
      asOf: ASOF,
    });
    expect(c).toMatchObject({ letter: 'c', outcome: 'fail' });
  });
});

describe('monthsBetween', () => {
  it.each([
    ['2022-03-17', '2025-03-17', 36],
    ['2022-03-18', '2025-03-17', 35],
    ['2025-03-17', '2022-03-17', 0],
  ])('%s to %s is %i whole months', (from, to, months) => {
    expect(monthsBetween(from, to)).toBe(months);
  });
});
