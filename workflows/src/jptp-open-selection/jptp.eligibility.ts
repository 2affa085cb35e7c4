import { educationAtLeast } from '../core/reference/education.js';
import type { JptpApplicantProfile, JptpRequirementCheck } from './jptp.events.js';
import { JPTP_LIMITS } from './jptp.context.js';

// The requirements of PP 11/2017 jo PP 17/2020 Pasal 107 ayat (1) huruf c, one check each, so the
// Sekretariat can propose and the Pansel can decide requirement by requirement (A-ELIG).

export const ELIGIBILITY_REQUIREMENTS = [
  'education',
  'relatedExperience',
  'managerialExperience',
  'age',
  'integrity',
  'health',
] as const;
export type EligibilityRequirement = (typeof ELIGIBILITY_REQUIREMENTS)[number];

/** Completed years of age on `date` (both 'YYYY-MM-DD'). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const check = (requirement: EligibilityRequirement, met: boolean, reason: string) =>
  met ? { requirement, met } : { requirement, met, reason };

/** Each requirement of Pasal 107 ayat (1) huruf c for a profile, with age counted on `asOf`. */
export function eligibilityOf(
  profile: JptpApplicantProfile,
  asOf: string,
  maxAge: number,
): JptpRequirementCheck[] {
  const age = ageOn(profile.birthDate, asOf);
  const { minimumEducation, relatedExperienceYears, managerialExperienceYears } = JPTP_LIMITS;
  return [
    check(
      'education',
      educationAtLeast(profile.education, minimumEducation),
      `education ${profile.education} is below S1/D-IV`,
    ),
    check(
      'relatedExperience',
      profile.relatedExperienceYears >= relatedExperienceYears,
      `${profile.relatedExperienceYears} years of related experience, fewer than ${relatedExperienceYears}`,
    ),
    check(
      'managerialExperience',
      profile.managerialExperienceYears >= managerialExperienceYears,
      `${profile.managerialExperienceYears} years as Administrator or JF Ahli Madya, fewer than ${managerialExperienceYears}`,
    ),
    check('age', age <= maxAge, `aged ${age} on ${asOf}, above the maximum of ${maxAge}`),
    check('integrity', profile.integrityAttested, 'no attestation of good integrity'),
    check('health', profile.healthAttested, 'no attestation of physical and mental health'),
  ];
}
