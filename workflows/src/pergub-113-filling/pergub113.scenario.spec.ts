import {
  administratorPool,
  after,
  aProfile,
  CANDIDATES,
  chosen,
  cmd,
  completedRound,
  doc,
  history,
  listed,
  nip,
  reported,
  tpkMembers,
} from './pergub113.fixtures.js';
import type { Pergub113Event } from './pergub113.events.js';
import { pergub113Filling } from './pergub113.procedure.js';

// A Pergub 113 round with 2 vacancies (one Administrator, one Pengawas), from opening to
// completed through the pure decider, and the variants that break it (issue 2).

describe('a Pergub 113 round with 2 vacancies', () => {
  // Built before each test, not when the describe is collected: Stryker's per-test coverage
  // (docs/mutation-testing.md) then runs only the tests that reach a mutant.
  let events: Pergub113Event[];
  let final: ReturnType<typeof pergub113Filling.fold>;
  beforeEach(() => {
    events = history(completedRound());
    final = pergub113Filling.fold(events);
  });

  it('folds from unopened to completed', () => {
    expect(pergub113Filling.stateOf(final)).toBe('completed');
    expect(final.status).toBe('done');
    expect(events.map((e) => e.type)).toContain('ReportedToMendagri');
  });

  it('fills both posts with one of their 3 names, under Mendagri’s approval, reported', () => {
    expect(
      pergub113Filling.contextOf(final).vacancies.map((v) => ({
        id: v.vacancyId,
        status: v.subStatus,
        chosen: v.chosen,
        shortlist: v.shortlist.length,
        reported: v.reportedToMendagri?.number,
      })),
    ).toEqual([
      { id: 'V1', status: 'filled', chosen: nip(1), shortlist: 3, reported: 'LAP/1' },
      { id: 'V2', status: 'filled', chosen: nip(11), shortlist: 3, reported: 'LAP/1' },
    ]);
  });

  it('summarizes per-vacancy status and the date each stage was entered', () => {
    const summary = pergub113Filling.summarize(final);
    expect(summary).toEqual({
      title: 'Pengisian JA/JP Dikbud 2025',
      state: 'completed',
      vacancies: [
        { vacancyId: 'V1', title: 'Kepala Bidang Pembinaan SMA', status: 'filled' },
        { vacancyId: 'V2', title: 'Kepala Seksi Kurikulum', status: 'filled' },
      ],
      stages: {
        constitutingTpk: { actual: '2025-03-03' },
        inventory: { actual: '2025-03-07' },
        administrativeSelection: { actual: '2025-03-11' },
        mapping: { actual: '2025-03-24' },
        trackRecord: { actual: '2025-04-15' },
        reportedToPpk: { actual: '2025-04-29' },
        ppkChoice: { actual: '2025-05-05' },
        inauguration: { actual: '2025-05-09' },
      },
    });
  });

  it('is deterministic: folding the same events twice gives deep-equal state', () => {
    const again = pergub113Filling.fold(history(completedRound()));
    expect(again.value).toEqual(final.value);
    expect(again.context).toEqual(final.context);
    expect(pergub113Filling.fold(events).context).toEqual(final.context);
  });

  it('keeps a JSON-serializable context that persists and restores at every step', () => {
    let snapshot = pergub113Filling.initialState();
    for (const event of events) {
      snapshot = pergub113Filling.evolve(snapshot, event);
      const persisted = JSON.parse(
        JSON.stringify(pergub113Filling.persist(snapshot)),
      ) as ReturnType<typeof pergub113Filling.persist>;
      expect(persisted.context).toEqual(pergub113Filling.contextOf(snapshot));
      const restored = pergub113Filling.restore(persisted);
      expect(pergub113Filling.stateOf(restored)).toBe(pergub113Filling.stateOf(snapshot));
      expect(pergub113Filling.acceptedCommands(restored)).toEqual(
        pergub113Filling.acceptedCommands(snapshot),
      );
    }
  });

  it('stores every event with its occurredAt and plain JSON data', () => {
    expect(events.every((e) => typeof e.data.occurredAt === 'string')).toBe(true);
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
  });

  it('breaks B-TPK with a TPK of 4 members', () => {
    const [open, status] = completedRound();
    after([open!, status!])
      .when(
        cmd(
          'FormTPK',
          { decree: doc('TPK/1', '2025-03-05'), members: tpkMembers(4) },
          'PPK',
          '2025-03-05',
        ),
      )
      .thenRejects('B-TPK');
  });

  it('breaks B-3X with 5 candidates for 2 posts', () => {
    const candidates = [
      CANDIDATES()[0]!,
      { vacancyId: 'V2', nips: CANDIDATES()[1]!.nips.slice(0, 2) },
    ];
    const [violation] = after(listed())
      .when(cmd('SetCandidates', { candidates }, 'TPK', '2025-03-24'))
      .thenRejects('B-3X');
    expect(violation).toEqual({
      rule: 'B-3X',
      citation: 'Pergub NTT 113/2023 Pasal 10 huruf c',
      message: '5 kandidat untuk 2 jabatan: paling rendah 6',
    });
  });

  it('breaks Pasal 3 huruf d with a D-III candidate for the Administrator post', () => {
    const diploma = aProfile(4, { education: { level: 'D-III' } });
    const candidates = [{ vacancyId: 'V1', nips: [nip(1), nip(2), nip(4)] }, CANDIDATES()[1]!];
    const violations = after(listed({ v1Pool: [...administratorPool(), diploma] }))
      .when(cmd('SetCandidates', { candidates }, 'TPK', '2025-03-24'))
      .thenRejects('B-ELIG');
    expect(violations.map((v) => v.citation)).toEqual(['Pergub NTT 113/2023 Pasal 3 huruf d']);
  });

  it('breaks B-PICK when the PPK picks a name outside the 3', () => {
    const candidates = [
      { vacancyId: 'V1', nips: [nip(1), nip(2), nip(3), nip(4)] },
      CANDIDATES()[1]!,
    ];
    const shortlists = [{ vacancyId: 'V1', nips: [nip(1), nip(2), nip(3)] }, CANDIDATES()[1]!];
    const round = reported({
      v1Pool: [...administratorPool(), aProfile(4)],
      candidates,
      shortlists,
    });
    const [violation] = after(round)
      .when(cmd('ChooseCandidate', { vacancyId: 'V1', nip: nip(4) }, 'PPK', '2025-05-09'))
      .thenRejects('B-PICK');
    expect(violation).toMatchObject({
      rule: 'B-PICK',
      citation: 'Pergub NTT 113/2023 Pasal 12 ayat (1)',
    });
  });

  it('completes when the last open post is cancelled, and is cancelled as a whole by the PPK', () => {
    const cancelV2 = cmd(
      'CancelVacancy',
      { vacancyId: 'V2', reason: 'dirampingkan' },
      'PPK',
      '2025-05-20',
    );
    // the approval and V1's decree, then V1's inauguration; V2 is cancelled before its decree
    const withV1 = [
      ...completedRound().slice(0, -4),
      cmd(
        'RecordInauguration',
        { vacancyId: 'V1', date: '2025-05-19', oathTaken: true },
        'PPK',
        '2025-05-19',
      ),
    ];
    expect(after(withV1).when(cancelV2).then([expect.anything()]).state).toBe('inauguration');
    const reportV1 = cmd(
      'ReportToMendagri',
      { document: doc('LAP/1', '2025-05-23'), vacancyIds: ['V1'] },
      'SEKRETARIAT',
      '2025-05-23',
    );
    expect(
      after([...withV1, cancelV2])
        .when(reportV1)
        .then([expect.anything()]).state,
    ).toBe('completed');
    expect(
      after(chosen())
        .when(cmd('CancelFilling', { reason: 'moratorium' }, 'PPK', '2025-05-10'))
        .then([expect.anything()]).state,
    ).toBe('cancelled');
  });
});
