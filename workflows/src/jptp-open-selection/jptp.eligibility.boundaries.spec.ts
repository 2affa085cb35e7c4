import { ELIGIBILITY_REQUIREMENTS, ageOn, eligibilityOf } from './jptp.eligibility.js';
import { aProfile } from './testing/jptp-builders.js';

// PP 11/2017 jo PP 17/2020 Pasal 107 huruf c at its boundaries, on both sides (issue 23: the
// mutants that survived the first mutation run of jptp.eligibility.ts). Given a profile, when its
// requirements are read on a date with the selection's maximum age, then each one, by name.

const requirement = (name: string, profile = aProfile(), asOf = '2024-05-20', maxAge = 56) =>
  eligibilityOf(profile, asOf, maxAge).find((check) => check.requirement === name);

describe('A-ELIG requirements of Pasal 107 huruf c', () => {
  it('given an eligible profile, when read, then every requirement is met, in order, by name', () => {
    expect(eligibilityOf(aProfile(), '2024-05-20', 56)).toEqual(
      ELIGIBILITY_REQUIREMENTS.map((name) => ({ requirement: name, met: true })),
    );
  });

  it.each([
    [4, false],
    [5, true],
    [6, true],
  ])(
    'given %i years of related experience, when read, then met is %s (at least 5)',
    (years, met) => {
      const check = requirement('relatedExperience', aProfile({ relatedExperienceYears: years }));
      expect(check).toEqual(
        met
          ? { requirement: 'relatedExperience', met }
          : {
              requirement: 'relatedExperience',
              met,
              reason: '4 years of related experience, fewer than 5',
            },
      );
    },
  );

  it.each([
    [1, false],
    [2, true],
    [3, true],
  ])(
    'given %i years as Administrator or JF Ahli Madya, when read, then met is %s (at least 2)',
    (years, met) => {
      const check = requirement(
        'managerialExperience',
        aProfile({ managerialExperienceYears: years }),
      );
      expect(check).toEqual(
        met
          ? { requirement: 'managerialExperience', met }
          : {
              requirement: 'managerialExperience',
              met,
              reason: '1 years as Administrator or JF Ahli Madya, fewer than 2',
            },
      );
    },
  );

  it.each([
    ['the day before the 57th birthday', '2024-03-09', true],
    ['the 57th birthday', '2024-03-10', false],
    ['the day after', '2024-03-11', false],
  ])(
    'given someone born on 10 March 1967, when read on %s with a maximum of 56, then met is %s',
    (_, asOf, met) => {
      const check = requirement('age', aProfile({ birthDate: '1967-03-10' }), asOf, 56);
      expect(check?.requirement).toBe('age');
      expect(check?.met).toBe(met);
      if (!met) expect(check?.reason).toBe(`aged 57 on ${asOf}, above the maximum of 56`);
    },
  );

  it('given missing attestations, when read, then integrity and health are named as not met', () => {
    const checks = eligibilityOf(
      aProfile({ integrityAttested: false, healthAttested: false }),
      '2024-05-20',
      56,
    );
    expect(checks.filter((c) => !c.met)).toEqual([
      { requirement: 'integrity', met: false, reason: 'no attestation of good integrity' },
      { requirement: 'health', met: false, reason: 'no attestation of physical and mental health' },
    ]);
  });

  it('given a D-III, when read, then education is not met', () => {
    expect(requirement('education', aProfile({ education: 'D-III' }))).toEqual({
      requirement: 'education',
      met: false,
      reason: 'education D-III is below S1/D-IV',
    });
  });

  it.each([
    ['1967-03-10', '2024-03-09', 56],
    ['1967-03-10', '2024-03-10', 57],
    ['1967-03-10', '2024-03-11', 57],
  ])('given someone born %s, when aged on %s, then the age is %i', (birthDate, asOf, age) => {
    expect(ageOn(birthDate, asOf)).toBe(age);
  });
});
