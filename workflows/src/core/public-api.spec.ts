import * as workflows from '../index.js';

// The names other code imports from @jejak/workflows (the core reference and calendar API agreed
// between the procedures, the API and the reminders).
const CORE_API = [
  'ROLES',
  'assertUnreachable',
  'defineRule',
  'checkRules',
  'accepted',
  'notAllowedInState',
  'rulesBroken',
  'machineProcedure',
  'topLevelState',
  'persistSnapshot',
  'restoreSnapshot',
  'WITA_OFFSET_MINUTES',
  'endOfDayWita',
  'startOfDayWita',
  'witaDateOf',
  'toWita',
  'addCalendarDays',
  'addCalendarMonths',
  'calendarDaysBetween',
  'isWorkingDay',
  'addWorkingDays',
  'workingDaysBetween',
  'RANKS',
  'rankOrdinal',
  'ESELON_RANGES',
  'pergubMinimumRank',
  'EDUCATION_LEVELS',
  'educationRank',
  'educationAtLeast',
  'SKP_REGIMES',
  'appraisalPasses',
  'HOLIDAYS',
  'SUPERVISORY_CUTOVER',
  'supervisoryAuthorityOn',
  'issuerValidOn',
  'mendagriApprovalRequired',
  'MENDAGRI_REPORT_DEADLINE',
  'PILKADA_2024',
  'PILKADA_2024_NTT',
];

describe('@jejak/workflows public surface', () => {
  it.each(CORE_API)('exports %s', (name) => {
    expect(workflows).toHaveProperty(name);
    expect((workflows as Record<string, unknown>)[name]).toBeDefined();
  });

  it('answers the NTT 2024 questions through the public surface', () => {
    expect(workflows.endOfDayWita('2024-05-29')).toBe('2024-05-29T15:59:59.000Z');
    expect(workflows.pergubMinimumRank('III.a')).toBe('III/d');
    expect(workflows.issuerValidOn('KASN', '2024-05-08')).toBe(true);
    expect(
      workflows.mendagriApprovalRequired({
        ppkStatus: { status: 'PENJABAT', since: '2023-09-05' },
        date: '2024-05-15',
        pilkada: workflows.PILKADA_2024,
      }).required,
    ).toBe(true);
  });
});
