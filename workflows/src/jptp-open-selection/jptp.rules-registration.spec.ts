import { announcementGate, onePostPerApplicant, registrationWindow } from './jptp.rules.js';
import {
  ANNOUNCEMENT,
  KASN_2024,
  MENDAGRI_2024,
  PANSEL_DECREE,
  aProfile,
  aVacancy,
  jptpCommand as c,
  nipOf,
  panselOf,
  wita,
} from './testing/jptp-builders.js';
import { after, expectAccepted, expectBroken, when } from './testing/jptp-expect.js';
import { jptpScenario } from './testing/jptp-scenario.js';

const scenario = jptpScenario();
const preparing = () => scenario.eventsTo('preparing');
const registration = () => scenario.eventsTo('registration');
const on = (date: string) => wita(date);

describe('A-GATE announcementGate', () => {
  const mendagri = c(
    'RecordMendagriApproval',
    { document: MENDAGRI_2024, purpose: 'SELECTION', covers: { selectionId: 'sel-1' } },
    on('2024-05-07'),
  );
  const kasn = c(
    'RecordSupervisoryRecommendation',
    { document: KASN_2024, purpose: 'PLAN' },
    on('2024-05-09'),
  );
  const pansel = c('FormPansel', { decree: PANSEL_DECREE, members: panselOf() }, on('2024-05-13'));
  const announce = c(
    'PublishAnnouncement',
    {
      announcement: ANNOUNCEMENT,
      registrationOpensOn: '2024-05-15',
      registrationClosesOn: '2024-05-29',
    },
    on('2024-05-15'),
  );
  it('accepts after the Mendagri approval, the KASN recommendation and the Pansel (6, 8, 13 May)', () => {
    expect(expectAccepted(when(after(preparing(), mendagri, kasn, pansel), announce)).state).toBe(
      'registration',
    );
  });
  it('rejects without a Mendagri approval while the PPK is a Penjabat', () => {
    expectBroken(when(after(preparing(), kasn, pansel), announce), announcementGate, 'Penjabat');
  });
  it('rejects without a supervisory recommendation of the plan', () => {
    expectBroken(
      when(after(preparing(), mendagri, pansel), announce),
      announcementGate,
      'recommendation',
    );
  });
  it('rejects before the Pansel is formed', () => {
    expectBroken(when(after(preparing(), mendagri, kasn), announce), announcementGate, 'Pansel');
  });
  it('evaluates §5 on the announcement date: an elected Governor outside Pilkada windows needs none', () => {
    const events = jptpScenario().eventsTo('planning');
    const elected = after(
      events,
      c('RecordPpkStatus', { status: 'GUBERNUR', since: '2018-09-10' }, on('2024-04-01')),
      c(
        'ConfigureSelection',
        { weights: { assessment: 25, technical: 25, trackRecord: 25, interview: 25 }, pilkada: [] },
        on('2024-04-01'),
      ),
      c('RegisterVacancy', aVacancy(1), on('2024-04-02')),
      c('RecordOpenSelectionBasis', { reason: 'Pasal 130(2)' }, on('2024-04-02')),
      c('CompleteStage', { stage: 'planning' }, on('2024-04-03')),
      kasn,
      pansel,
    );
    expectAccepted(when(elected, announce));
  });
});

describe('A-WINDOW registrationWindow', () => {
  const announce = (opens: string, closes: string, date = '2024-05-15') =>
    c(
      'PublishAnnouncement',
      { announcement: ANNOUNCEMENT, registrationOpensOn: opens, registrationClosesOn: closes },
      on(date),
    );
  const ready = () => after(preparing(), ...scenario.phases.registration.slice(0, 3));
  const apply = (at: string, id = 'x1') =>
    c(
      'SubmitApplication',
      {
        applicationId: id,
        vacancyId: 'v1',
        applicant: { nip: nipOf(77), name: 'X' },
        profile: aProfile(),
      },
      at,
    );
  it('accepts 15 calendar days (15 to 29 May)', () => {
    expectAccepted(when(ready(), announce('2024-05-15', '2024-05-29')));
  });
  it('rejects 14 calendar days', () => {
    expectBroken(
      when(ready(), announce('2024-05-15', '2024-05-28')),
      registrationWindow,
      '14 calendar days',
    );
  });
  it('rejects a registration that opens before it is announced', () => {
    expectBroken(
      when(ready(), announce('2024-05-14', '2024-05-29')),
      registrationWindow,
      'before it is announced',
    );
  });
  it('accepts an application at 23:59:59 WITA on the last day', () => {
    expectAccepted(when(registration(), apply('2024-05-29T23:59:59+08:00')));
  });
  it('rejects an application one second later', () => {
    expectBroken(
      when(registration(), apply('2024-05-30T00:00:00+08:00')),
      registrationWindow,
      'not open',
    );
  });
  it('rejects an application before registration opens', () => {
    const early = after(ready(), announce('2024-05-17', '2024-05-31'));
    expectBroken(when(early, apply(wita('2024-05-16'))), registrationWindow, 'not open');
  });
  it('accepts CloseRegistration at 23:59:59 WITA, given in UTC', () => {
    const close = c('CloseRegistration', {}, '2024-05-29T15:59:59Z', 'SYSTEM');
    expect(expectAccepted(when(scenario.eventsTo('registration'), close)).state).toBe(
      'registrationClosed',
    );
  });
  it('rejects CloseRegistration before the deadline', () => {
    const close = c('CloseRegistration', {}, '2024-05-29T23:59:58+08:00', 'SYSTEM');
    expectBroken(when(registration(), close), registrationWindow, '23:59:59 WITA');
  });
  it('does not accept applications after registration is closed', () => {
    when(scenario.eventsTo('registrationClosed'), apply(wita('2024-05-30'))).thenNotAllowed({
      state: 'registrationClosed',
    });
  });
});

describe('A-ONEPOST onePostPerApplicant', () => {
  const apply = (id: string, vacancyId: string, nip = nipOf(77)) =>
    c(
      'SubmitApplication',
      { applicationId: id, vacancyId, applicant: { nip, name: 'X' }, profile: aProfile() },
      on('2024-05-16'),
    );
  const first = () => after(registration(), apply('x1', 'v1'));
  it('accepts a first application', () => {
    expect(
      expectAccepted(when(registration(), apply('x1', 'v1'))).context.applications,
    ).toHaveLength(1);
  });
  it('rejects a second post for the same NIP', () => {
    expectBroken(when(first(), apply('x2', 'v2')), onePostPerApplicant, '1 of at most 1');
  });
  it('rejects the same post twice', () => {
    expectBroken(when(first(), apply('x2', 'v1')), onePostPerApplicant, 'already applied for v1');
  });
  it('accepts again after a withdrawal', () => {
    const withdrawn = after(
      first(),
      c('WithdrawApplication', { applicationId: 'x1', reason: 'mundur' }, on('2024-05-17')),
    );
    expectAccepted(when(withdrawn, apply('x2', 'v2')));
  });
  it('accepts two posts when maxPostsPerApplicant is 2', () => {
    const two = jptpScenario();
    const events = after(
      two.eventsTo('planning'),
      c(
        'ConfigureSelection',
        {
          weights: { assessment: 25, technical: 25, trackRecord: 25, interview: 25 },
          maxPostsPerApplicant: 2,
        },
        on('2024-04-01'),
      ),
      ...two.phases.preparing,
      ...two.phases.registration,
      apply('x1', 'v1'),
    );
    expectAccepted(when(events, apply('x2', 'v2')));
  });
});
