import type { JptpInsufficientApplicantsDecision } from './jptp.events.js';
import { minimumApplicants, stageWorkDone } from './jptp.rules.js';
import { aProfile, jptpCommand as c, nipOf, wita } from './testing/jptp-builders.js';
import { after, expectAccepted, expectBroken, when } from './testing/jptp-expect.js';
import { jptpScenario } from './testing/jptp-scenario.js';

// v1 has 4 applicants, v2 only 3 when registration closes on 29 May 2024.
const scenario = jptpScenario({ applicants: [4, 3] });
const closed = () => scenario.eventsTo('registrationClosed');

const extend = (date: string, until?: string, vacancyIds = ['v2']) =>
  c(
    'ExtendRegistration',
    { vacancyIds, reason: 'kurang dari 4 pelamar', ...(until ? { until } : {}) },
    wita(date),
  );
const close = (date: string) => c('CloseRegistration', {}, wita(date, '23:59:59'), 'SYSTEM');
const resolve = (
  decision: JptpInsufficientApplicantsDecision,
  date = '2024-06-17',
  reason = 'tetap kurang',
) => c('ResolveInsufficientApplicants', { vacancyId: 'v2', decision, reason }, wita(date));
/** Both extensions ran and v2 still has `count` applicants. */
const twiceExtended = () =>
  after(
    closed(),
    extend('2024-05-30'),
    close('2024-06-06'),
    extend('2024-06-07'),
    close('2024-06-14'),
  );

describe('A-MIN minimumApplicants', () => {
  it('leaves a vacancy below 4 applicants open at the close, the others active', () => {
    const phase = scenario.phases.registrationClosed;
    const applied = after(scenario.eventsTo('registration'), ...phase.slice(0, -1));
    const { context, state } = expectAccepted(when(applied, phase.at(-1)!));
    expect(state).toBe('registrationClosed');
    expect(context.vacancies.map((v) => v.subStatus)).toEqual(['active', 'open']);
  });

  it('accepts a 7-day extension of a vacancy with 3 applicants and reopens registration', () => {
    const { state, context } = expectAccepted(when(closed(), extend('2024-05-30')));
    expect(state).toBe('registration');
    expect(context.vacancies[1]).toMatchObject({
      subStatus: 'extended',
      extensions: 1,
      registrationClosesOn: '2024-06-06',
    });
  });

  it('accepts an application for the extended vacancy, not for the closed one', () => {
    const reopened = after(closed(), extend('2024-05-30'));
    const apply = (vacancyId: string, id: string) =>
      c(
        'SubmitApplication',
        {
          applicationId: id,
          vacancyId,
          applicant: { nip: nipOf(70), name: 'Y' },
          profile: aProfile(),
        },
        wita('2024-06-03'),
      );
    expectAccepted(when(reopened, apply('v2', 'y1')));
    when(reopened, apply('v1', 'y1')).thenRejects('A-WINDOW');
  });

  it('rejects an extension of a vacancy with 4 applicants', () => {
    expectBroken(
      when(closed(), extend('2024-05-30', undefined, ['v1'])),
      minimumApplicants,
      'v1 has 4 applicants',
    );
  });

  it('accepts an extension of 6 or of 7 calendar days (at most 7)', () => {
    expectAccepted(when(closed(), extend('2024-05-30', '2024-06-05')));
    expectAccepted(when(closed(), extend('2024-05-30', '2024-06-06')));
  });

  it('rejects an extension of 8 calendar days, or one that ends on the day it is made', () => {
    expectBroken(when(closed(), extend('2024-05-30', '2024-06-07')), minimumApplicants, 'not 8');
    expectBroken(when(closed(), extend('2024-05-30', '2024-05-30')), minimumApplicants, 'not 0');
  });

  it('rejects a third extension', () => {
    expectBroken(
      when(twiceExtended(), extend('2024-06-17')),
      minimumApplicants,
      'already extended 2 times',
    );
  });

  it('rejects a decision on insufficient applicants before two extensions', () => {
    expectBroken(
      when(closed(), resolve('CONTINUE_WITH_FEWER', '2024-05-30')),
      minimumApplicants,
      'must first be extended',
    );
  });

  it('accepts continuing with 3 applicants after two extensions', () => {
    const { context } = expectAccepted(when(twiceExtended(), resolve('CONTINUE_WITH_FEWER')));
    expect(context.vacancies[1]).toMatchObject({
      subStatus: 'active',
      reason: 'tetap kurang (CONTINUE_WITH_FEWER)',
    });
  });

  it('rejects continuing with 2 applicants', () => {
    const two = jptpScenario({ applicants: [4, 2] });
    const events = after(
      two.eventsTo('registrationClosed'),
      extend('2024-05-30'),
      close('2024-06-06'),
      extend('2024-06-07'),
      close('2024-06-14'),
    );
    expectBroken(when(events, resolve('CONTINUE_WITH_FEWER')), minimumApplicants, 'at least 3');
  });

  it('accepts cancelling the vacancy, or re-announcing it in a linked selection', () => {
    expect(
      expectAccepted(when(twiceExtended(), resolve('CANCEL_VACANCY'))).context.vacancies[1]
        ?.subStatus,
    ).toBe('cancelled');
    const reannounce = c(
      'ResolveInsufficientApplicants',
      {
        vacancyId: 'v2',
        decision: 'REANNOUNCE',
        reason: 'diumumkan ulang',
        linkedSelectionId: 'sel-2',
      },
      wita('2024-06-17'),
    );
    expect(expectAccepted(when(twiceExtended(), reannounce)).context.vacancies[1]).toMatchObject({
      subStatus: 'failed',
      reason: 'diumumkan ulang (REANNOUNCE sel-2)',
    });
  });

  it('rejects a decision on a vacancy that has enough applicants', () => {
    const command = c(
      'ResolveInsufficientApplicants',
      { vacancyId: 'v1', decision: 'CANCEL_VACANCY', reason: 'x' },
      wita('2024-06-17'),
    );
    expectBroken(when(twiceExtended(), command), minimumApplicants, 'v1 has 4 applicants');
  });

  it('keeps the stage open while a vacancy below the minimum has no decision (A-DONE)', () => {
    const complete = c(
      'CompleteStage',
      { stage: 'registrationClosed' },
      wita('2024-06-17'),
      'PANSEL',
    );
    expectBroken(when(twiceExtended(), complete), stageWorkDone, 'v2 has fewer applicants');
    const decided = after(twiceExtended(), resolve('CONTINUE_WITH_FEWER'));
    expect(expectAccepted(when(decided, complete)).state).toBe('administrativeSelection');
  });
});
