import type { JptpStage } from './jptp.events.js';
import { recordIntegrity, stageWorkDone } from './jptp.rules.js';
import {
  aDocument,
  aProfile,
  aVacancy,
  jptpCommand as c,
  score,
  wita,
} from './testing/jptp-builders.js';
import { after, expectAccepted, expectBroken, when } from './testing/jptp-expect.js';
import { jptpScenario } from './testing/jptp-scenario.js';

const scenario = jptpScenario();
const events = scenario.eventsTo;
const complete = (stage: JptpStage, role: 'SEKRETARIAT' | 'PANSEL' = 'PANSEL') =>
  c('CompleteStage', { stage }, wita('2024-07-31'), role);
/** Every command of a phase but the last (the one that ends the stage). */
const workOf = (state: Parameters<typeof events>[0]) => scenario.phases[state].slice(0, -1);

describe('A-DONE stageWorkDone', () => {
  it('accepts the end of planning with a vacancy and the basis', () => {
    expect(
      expectAccepted(
        when(
          after(events('planning'), ...workOf('preparing')),
          complete('planning', 'SEKRETARIAT'),
        ),
      ).state,
    ).toBe('preparing');
  });
  it('rejects the end of planning without a vacancy or the basis', () => {
    expectBroken(
      when(events('planning'), complete('planning', 'SEKRETARIAT')),
      stageWorkDone,
      'no vacancy',
    );
    const noBasis = after(
      events('planning'),
      c('RegisterVacancy', aVacancy(1), wita('2024-04-02')),
    );
    expectBroken(when(noBasis, complete('planning', 'SEKRETARIAT')), stageWorkDone, 'basis');
  });
  it('rejects planning completed by the Pansel', () => {
    expectBroken(
      when(after(events('planning'), ...workOf('preparing')), complete('planning')),
      stageWorkDone,
      'by SEKRETARIAT, not PANSEL',
    );
  });
  it('rejects completing a stage other than the current one', () => {
    expectBroken(
      when(events('planning'), complete('interview')),
      stageWorkDone,
      'current stage is planning',
    );
  });
  it('rejects the end of the competency assessment while a result is missing', () => {
    const partial = after(events('competencyAssessment'), ...workOf('trackRecord').slice(1));
    expectBroken(
      when(partial, complete('competencyAssessment')),
      stageWorkDone,
      'no assessment result for a1-1',
    );
    const noTechnical = after(
      events('competencyAssessment'),
      ...workOf('trackRecord').filter(
        (x) => x.type !== 'RecordTechnicalResult' || x.data.applicationId !== 'a2-4',
      ),
    );
    expectBroken(
      when(noTechnical, complete('competencyAssessment')),
      stageWorkDone,
      'no technical result for a2-4',
    );
  });
  it('accepts an absence instead of a result: the absent applicant is out (gugur)', () => {
    const commands = workOf('trackRecord').filter(
      (x) => !('applicationId' in x.data && x.data.applicationId === 'a1-4'),
    );
    const absent = c(
      'RecordAssessmentResult',
      { applicationId: 'a1-4', present: false },
      wita('2024-06-12'),
      'ASESOR',
    );
    const { context } = expectAccepted(
      when(
        after(events('competencyAssessment'), absent, ...commands),
        complete('competencyAssessment'),
      ),
    );
    const late = c(
      'RecordTrackRecord',
      { applicationId: 'a1-4', score: score(70) },
      wita('2024-06-19'),
    );
    expectBroken(
      when(
        after(
          events('competencyAssessment'),
          absent,
          ...commands,
          complete('competencyAssessment'),
        ),
        late,
      ),
      recordIntegrity,
      'no longer in the selection',
    );
    expect(context.stage).toBe('trackRecord');
  });
  it('rejects the end of the track record or the interview while one is missing', () => {
    expectBroken(
      when(after(events('trackRecord'), ...workOf('interview').slice(1)), complete('trackRecord')),
      stageWorkDone,
      'no track record for a1-1',
    );
    expectBroken(
      when(after(events('interview'), ...workOf('ranking').slice(1)), complete('interview')),
      stageWorkDone,
      'no interview result for a1-1',
    );
  });
  it('rejects the administrative result while the Pansel has not decided an application', () => {
    const publish = scenario.phases.competencyAssessment.at(-1)!;
    expectBroken(
      when(
        after(events('administrativeSelection'), ...workOf('competencyAssessment').slice(1)),
        publish,
      ),
      stageWorkDone,
      'MS/TMS for a1-1',
    );
  });
  it('rejects the final result while a vacancy has no names', () => {
    const publish = scenario.phases.awaitingPpk.at(-1)!;
    expectBroken(
      when(after(events('ranking'), ...workOf('awaitingPpk').slice(1)), publish),
      stageWorkDone,
      'no names are proposed for v1',
    );
  });
});

describe('A-RECORD recordIntegrity', () => {
  const apply = (id: string, vacancyId: string, nip: string) =>
    c(
      'SubmitApplication',
      { applicationId: id, vacancyId, applicant: { nip, name: 'Z' }, profile: aProfile() },
      wita('2024-05-16'),
    );
  it('accepts a well-formed record (every scenario step)', () => {
    expect(events('completed').length).toBeGreaterThan(50);
  });
  it('rejects an opening without a title', () => {
    expectBroken(
      when([], c('OpenSelection', { selectionId: 's', title: ' ' }, wita('2024-04-01'))),
      recordIntegrity,
      'title',
    );
  });
  it('rejects an application for an unknown vacancy, a repeated id or a malformed NIP', () => {
    expectBroken(
      when(events('registration'), apply('z1', 'v9', '197503102000031077')),
      recordIntegrity,
      'v9 is not part',
    );
    const first = after(events('registration'), apply('z1', 'v1', '197503102000031077'));
    expectBroken(
      when(first, apply('z1', 'v2', '197503102000031078')),
      recordIntegrity,
      'already exists',
    );
    expectBroken(
      when(events('registration'), apply('z2', 'v1', '1975031020')),
      recordIntegrity,
      '18 digits',
    );
  });
  it('rejects a result for an applicant found TMS once the administrative result is out', () => {
    const [verifyFirst, ...rest] = scenario.phases.competencyAssessment;
    const tms = c(
      'VerifyApplication',
      {
        applicationId: 'a1-1',
        result: 'TMS',
        requirements: [{ requirement: 'health', met: false, reason: 'surat sehat tidak ada' }],
      },
      wita('2024-06-03'),
      'PANSEL',
    );
    expect(verifyFirst?.data).toMatchObject({ applicationId: 'a1-1' });
    const published = after(events('administrativeSelection'), tms, ...rest);
    const assess = c(
      'RecordAssessmentResult',
      { applicationId: 'a1-1', present: true, jpm: 80 },
      wita('2024-06-12'),
      'ASESOR',
    );
    expectBroken(when(published, assess), recordIntegrity, 'a1-1 is no longer in the selection');
  });
  it('rejects a withdrawal of an unknown or withdrawn application, or without a reason', () => {
    const withdraw = (id: string, reason = 'mundur') =>
      c('WithdrawApplication', { applicationId: id, reason }, wita('2024-05-21'));
    const applied = after(events('registration'), ...workOf('registrationClosed'));
    expectBroken(when(applied, withdraw('zz')), recordIntegrity, 'zz is not part');
    expectBroken(
      when(after(applied, withdraw('a1-1')), withdraw('a1-1')),
      recordIntegrity,
      'no longer in the selection',
    );
    expectBroken(when(applied, withdraw('a1-1', '')), recordIntegrity, 'reason');
  });
  it('rejects a document dated after the day it is recorded, or not a date', () => {
    const record = (date: string) =>
      c(
        'RecordMendagriApproval',
        { document: aDocument('MENDAGRI', '1/SJ', date), purpose: 'SELECTION' },
        wita('2024-05-07'),
      );
    expectBroken(
      when(events('preparing'), record('2024-05-08')),
      recordIntegrity,
      'dated after 2024-05-07',
    );
    expectBroken(when(events('preparing'), record('2024-02-30')), recordIntegrity, 'not a date');
  });
  it('rejects results without the score of a present applicant, or outside the scale', () => {
    const technical = (s?: ReturnType<typeof score>) =>
      c(
        'RecordTechnicalResult',
        { applicationId: 'a1-1', present: true, ...(s ? { score: s } : {}) },
        wita('2024-06-13'),
      );
    expectBroken(
      when(events('competencyAssessment'), technical()),
      recordIntegrity,
      'needs a score',
    );
    expectBroken(
      when(events('competencyAssessment'), technical(score(105))),
      recordIntegrity,
      'outside its scale',
    );
    const noJpm = c(
      'RecordAssessmentResult',
      { applicationId: 'a1-1', present: true },
      wita('2024-06-12'),
      'ASESOR',
    );
    expectBroken(when(events('competencyAssessment'), noJpm), recordIntegrity, 'JPM');
  });
  it('rejects cancelling an unknown or already cancelled vacancy, or without a reason', () => {
    const cancel = (vacancyId: string, reason = 'restrukturisasi') =>
      c('CancelVacancy', { vacancyId, reason }, wita('2024-04-02'));
    const planned = after(
      events('planning'),
      c('RegisterVacancy', aVacancy(1), wita('2024-04-02')),
      c('RegisterVacancy', aVacancy(2), wita('2024-04-02')),
    );
    expectBroken(when(planned, cancel('v9')), recordIntegrity, 'v9 is not part');
    expectBroken(
      when(after(planned, cancel('v1')), cancel('v1')),
      recordIntegrity,
      'already cancelled',
    );
    expectBroken(when(planned, cancel('v1', '')), recordIntegrity, 'reason');
  });
  it('rejects a schedule with an unknown stage or a malformed date', () => {
    const set = (dates: Record<string, string>) =>
      c('SetPlannedSchedule', { dates }, wita('2024-04-02'));
    expectBroken(
      when(events('planning'), set({ pelantikan: '2024-09-01' })),
      recordIntegrity,
      'not a stage',
    );
    expectBroken(
      when(events('planning'), set({ interview: '2024-13-01' })),
      recordIntegrity,
      'not a date',
    );
  });
  it('rejects an extension that names no vacancy, and reasonless suspensions', () => {
    const extend = c('ExtendRegistration', { vacancyIds: [], reason: 'x' }, wita('2024-05-30'));
    expectBroken(
      when(jptpScenario({ applicants: [4, 3] }).eventsTo('registrationClosed'), extend),
      recordIntegrity,
      'at least one vacancy',
    );
    expectBroken(
      when(events('planning'), c('SuspendSelection', { reason: '' }, wita('2024-04-02'))),
      recordIntegrity,
      'reason',
    );
  });
});
