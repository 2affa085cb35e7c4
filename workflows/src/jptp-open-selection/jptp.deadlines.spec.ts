import { jptpDeadlines } from './jptp.deadlines.js';
import { jptpOpenSelection as procedure } from './jptp.procedure.js';
import { registrationWindow } from './jptp.rules.js';
import { aVacancy, jptpCommand as c, wita } from './testing/jptp-builders.js';
import { after } from './testing/jptp-expect.js';
import { jptpScenario } from './testing/jptp-scenario.js';

// Deadlines as data (docs/domain.md §6) and the summary the read models show.

const scenario = jptpScenario({ applicants: [4, 3] });
const deadlinesOf = (events: Parameters<typeof procedure.fold>[0]) =>
  procedure.deadlines(procedure.fold(events));
const schedule = c(
  'SetPlannedSchedule',
  { dates: { registration: '2024-05-15', interview: '2024-06-25' } },
  wita('2024-04-02'),
);
const akanLowong = c(
  'RegisterVacancy',
  aVacancy(3, { status: 'AKAN_LOWONG', tmt: '2024-08-01' }),
  wita('2024-04-02'),
);

describe('jptpDeadlines', () => {
  it('gives nothing before the selection is opened', () => {
    expect(procedure.deadlines(procedure.initialState())).toEqual([]);
  });

  it('gives the registration end at 23:59:59 WITA, closed by the SYSTEM', () => {
    expect(deadlinesOf(scenario.eventsTo('registration'))).toEqual([
      {
        deadlineId: 'registration-end',
        kind: 'legal',
        label: 'Batas akhir pendaftaran',
        dueAt: '2024-05-29T15:59:59.000Z',
        legalBasis: registrationWindow.citation,
        stage: 'registration',
        recipients: ['SEKRETARIAT', 'PANSEL'],
        action: 'CloseRegistration',
      },
    ]);
  });

  it('gives each extension end, with the closing action once', () => {
    const extendBoth = c(
      'ExtendRegistration',
      { vacancyIds: ['v2'], reason: 'kurang' },
      wita('2024-05-30'),
    );
    const extended = after(scenario.eventsTo('registrationClosed'), extendBoth);
    const deadlines = deadlinesOf(extended);
    expect(procedure.summarize(procedure.fold(extended)).vacancies.map((v) => v.status)).toEqual([
      'active',
      'extended(1)',
    ]);
    expect(deadlines).toEqual([
      expect.objectContaining({
        deadlineId: 'registration-extension-1-v2',
        dueAt: '2024-06-06T15:59:59.000Z',
        vacancyId: 'v2',
        action: 'CloseRegistration',
      }),
    ]);
  });

  it('puts the closing action on one deadline when several posts are extended together', () => {
    const few = jptpScenario({ applicants: [3, 3] });
    const extend = c(
      'ExtendRegistration',
      { vacancyIds: ['v1', 'v2'], reason: 'kurang' },
      wita('2024-05-30'),
    );
    const deadlines = deadlinesOf(after(few.eventsTo('registrationClosed'), extend));
    expect(deadlines.map((d) => [d.deadlineId, d.action])).toEqual([
      ['registration-extension-1-v1', 'CloseRegistration'],
      ['registration-extension-1-v2', undefined],
    ]);
  });

  it("gives an akan-lowong vacancy's TMT and the planned dates of stages not yet reached", () => {
    const events = after(scenario.eventsTo('planning'), akanLowong, schedule);
    expect(deadlinesOf(events)).toEqual([
      expect.objectContaining({
        deadlineId: 'vacancy-tmt-v3',
        kind: 'legal',
        dueAt: '2024-07-31T16:00:00.000Z',
        vacancyId: 'v3',
      }),
      expect.objectContaining({
        deadlineId: 'planned-registration',
        kind: 'planned',
        dueAt: '2024-05-15T15:59:59.000Z',
        stage: 'registration',
      }),
      expect.objectContaining({
        deadlineId: 'planned-interview',
        kind: 'planned',
        recipients: ['PANSEL'],
      }),
    ]);
  });

  it('drops a planned date once its stage is reached, and planned dates while suspended', () => {
    const [open, ...rest] = scenario.commandsTo('registration');
    const events = after([], open!, schedule, ...rest);
    expect(deadlinesOf(events).map((d) => d.deadlineId)).toEqual([
      'registration-end',
      'planned-interview',
    ]);
    const suspended = after(
      events,
      c('SuspendSelection', { reason: 'jeda' }, wita('2024-05-16'), 'PPK'),
    );
    expect(deadlinesOf(suspended)).toEqual([]);
  });

  it('gives nothing once cancelled', () => {
    const cancelled = after(
      scenario.eventsTo('planning'),
      akanLowong,
      c('CancelSelection', { reason: 'x' }, wita('2024-04-03'), 'PPK'),
    );
    expect(deadlinesOf(cancelled)).toEqual([]);
  });
});

describe('summarize', () => {
  it('shows the title, each vacancy with its sub-status and planned vs actual stage dates', () => {
    const [open, ...rest] = scenario.commandsTo('registrationClosed');
    const summary = procedure.summarize(procedure.fold(after([], open!, schedule, ...rest)));
    expect(summary).toEqual({
      title: 'Seleksi Terbuka JPTP Uji 2024',
      state: 'registrationClosed',
      vacancies: [
        { vacancyId: 'v1', title: 'Kepala Dinas Uji 1', status: 'active' },
        { vacancyId: 'v2', title: 'Kepala Dinas Uji 2', status: 'open' },
      ],
      stages: {
        planning: { actual: '2024-04-01' },
        preparing: { actual: '2024-04-03' },
        registration: { planned: '2024-05-15', actual: '2024-05-15' },
        registrationClosed: { actual: '2024-05-29' },
        interview: { planned: '2024-06-25' },
      },
    });
  });

  it('gives the inauguration within 30 days of the decree, due on day 30, gone once inaugurated', () => {
    const full = jptpScenario();
    const [approval, decree1, decree2, inaugurate1] = full.phases.completed;
    const decreed = after(full.eventsTo('inauguration'), approval!, decree1!, decree2!);
    // Decrees of 11 July 2024: day 30 is 10 August, 23:59:59 WITA.
    const due = deadlinesOf(decreed).filter((d) => d.deadlineId.startsWith('inauguration-'));
    expect(due.map((d) => [d.deadlineId, d.kind, d.dueAt, d.recipients])).toEqual(
      ['v1', 'v2'].map((vacancyId) => [
        `inauguration-${vacancyId}`,
        'legal',
        '2024-08-10T15:59:59.000Z',
        ['PPK', 'SEKRETARIAT'],
      ]),
    );
    for (const d of due) expect(d.legalBasis).toMatch(/^Perka BKN 7\/2017/);
    const one = after(decreed, inaugurate1!);
    expect(
      deadlinesOf(one)
        .filter((d) => d.deadlineId.startsWith('inauguration-'))
        .map((d) => d.deadlineId),
    ).toEqual(['inauguration-v2']);
  });

  it('marks the report to Mendagri provisional, with a warning, when it counts through a year without holiday data', () => {
    const context = procedure.contextOf(procedure.fold(jptpScenario().eventsTo('inauguration')));
    const reportOwed = (inauguratedOn: string, mendagriReportDueOn: string) =>
      jptpDeadlines(
        {
          ...context,
          vacancies: context.vacancies.map((v, i) =>
            i === 0 ? { ...v, inauguratedOn, mendagriReportDueOn } : v,
          ),
        },
        'inauguration',
      ).find((d) => d.deadlineId === 'mendagri-report-v1');
    // 2026 has holiday data, 2027 has none (yet): the date knows only the weekends there.
    expect(reportOwed('2026-12-29', '2027-01-07')).toMatchObject({
      provisional: true,
      warning: expect.stringContaining('2026-2027'),
    });
    expect(reportOwed('2026-12-14', '2026-12-23')).not.toHaveProperty('provisional');
  });
});
