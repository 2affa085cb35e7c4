import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, waitFor, type OpenedEventStore } from '@jejak/event-store';
import {
  LogNotifier,
  parseReminderOffsets,
  RemindersRuntime,
  selectionReaderFromStore,
} from '@jejak/reminders';
import { handleCommand, type ProcedureRegistry } from '@jejak/selections';
import { procedures, type Command } from '@jejak/workflows';
import { Redis } from 'ioredis';
import {
  aProfile,
  aVacancy,
  jptpCommand as c,
  nipOf,
  wita,
} from '../../workflows/src/jptp-open-selection/testing/jptp-builders.js';
import { jptpScenario } from '../../workflows/src/jptp-open-selection/testing/jptp-scenario.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ntt = JSON.parse(
  readFileSync(new URL('../fixtures/ntt-2024-jptp.json', import.meta.url), 'utf8'),
) as {
  title: string;
  vacancies: { no: number; title: string; status: 'LOWONG' | 'AKAN_LOWONG'; tmt?: string }[];
};

/** Posts 1 and 7 of the NTT 2024 selection: 7 becomes vacant on 1 August 2024 (akan lowong). */
const NTT_POSTS = [ntt.vacancies[0]!, ntt.vacancies[6]!].map((v) =>
  aVacancy(v.no, {
    vacancyId: `v${v.no}`,
    title: v.title,
    status: v.status,
    ...(v.tmt ? { tmt: v.tmt } : {}),
  }),
);

describe('the 2024 NTT reference case: jobs after each step (real JPTP procedure, real Redis)', () => {
  let store: OpenedEventStore;
  let runtime: RemindersRuntime;
  let directory: string;
  let now = '2024-04-01T01:00:00.000Z';
  const clock = () => new Date(now);
  const selectionId = randomUUID();
  const registry = procedures as unknown as ProcedureRegistry;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'jejak-ntt-'));
    store = await createEventStore({
      kind: 'embedded',
      path: join(directory, 'jejak.db'),
      subscriptions: { pollIntervalMs: 10 },
    });
    runtime = new RemindersRuntime({
      eventStore: store,
      readModels: store.readModels,
      reader: selectionReaderFromStore(store, registry),
      redisUrl: REDIS_URL,
      prefix: `jejak-test-ntt-${selectionId.slice(0, 8)}`,
      offsets: parseReminderOffsets('3d,1d,overdue'),
      lang: 'id',
      publicBaseUrl: 'https://jejak.example.org',
      notifiers: [new LogNotifier()],
      jobs: { attempts: 1, backoffMs: 10 },
      clock,
      runWorker: false,
    });
    await runtime.start();
  });
  afterAll(async () => {
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${runtime.prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await runtime.stop();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  /** Issues a scenario command at its own `now` (the scheduler's clock follows), then waits. */
  const run = async (command: Command) => {
    now = new Date(command.metadata.now).toISOString();
    const data =
      command.type === 'OpenSelection'
        ? { ...command.data, selectionId, title: ntt.title }
        : command.data;
    await handleCommand({ eventStore: store, procedures: registry, clock })(
      selectionId,
      { type: command.type, data, actor: command.metadata.actor },
      command.type === 'OpenSelection' ? { kind: 'jptp-open-selection' } : {},
    );
    const head = (await store.readAll()).at(-1)!.globalPosition;
    await waitFor(() => (runtime.status().scheduler?.checkpoint ?? -1) >= head, 'the scheduler');
  };
  const jobs = async () =>
    (await runtime.jobsOf(selectionId))
      .map((j) => [j.data.deadlineId, j.data.offset, j.data.fireAt, j.delay] as const)
      .sort((a, b) => a[2].localeCompare(b[2]) || a[1].localeCompare(b[1]));
  const delay = (fireAt: string) => Date.parse(fireAt) - Date.parse(now);

  it('schedules nothing for a selection still in planning', async () => {
    const scenario = jptpScenario({ vacancies: 2 });
    await run(scenario.phases.planning[0]!);
    expect(await jobs()).toEqual([]);
  });

  it('reminds of the TMT of a post that becomes vacant (akan lowong)', async () => {
    const at = wita('2024-04-02');
    await run(c('RecordPpkStatus', { status: 'PENJABAT', since: '2023-09-05' }, at));
    for (const vacancy of NTT_POSTS) await run(c('RegisterVacancy', vacancy, at));
    const tmt = '2024-07-31T16:00:00.000Z'; // 1 August 2024, 00:00 WITA
    expect(await jobs()).toEqual([
      ['vacancy-tmt-v7', '3d', '2024-07-28T16:00:00.000Z', delay('2024-07-28T16:00:00.000Z')],
      ['vacancy-tmt-v7', '1d', '2024-07-30T16:00:00.000Z', delay('2024-07-30T16:00:00.000Z')],
      ['vacancy-tmt-v7', 'overdue', tmt, delay(tmt)],
    ]);
  });

  const END = '2024-05-29T15:59:59.000Z'; // 29 May 2024, 23:59:59 WITA
  /** Jobs keep the delay they were added with (2 April, 09:00 WITA): moving is reconciling. */
  const since = (at: string) => (fireAt: string) => Date.parse(fireAt) - Date.parse(at);
  const tmtJobs = (d = since('2024-04-02T01:00:00.000Z')) => [
    ['vacancy-tmt-v7', '3d', '2024-07-28T16:00:00.000Z', d('2024-07-28T16:00:00.000Z')],
    ['vacancy-tmt-v7', '1d', '2024-07-30T16:00:00.000Z', d('2024-07-30T16:00:00.000Z')],
    ['vacancy-tmt-v7', 'overdue', '2024-07-31T16:00:00.000Z', d('2024-07-31T16:00:00.000Z')],
  ];

  it('adds the planned schedule, then the registration end with SYSTEM closing it', async () => {
    const scenario = jptpScenario({ vacancies: 2 });
    const [, , , basis, completePlanning] = scenario.phases.preparing;
    await run(basis!);
    await run(completePlanning!);
    await run(c('SetPlannedSchedule', { dates: { interview: '2024-06-25' } }, wita('2024-05-14')));
    const interview = '2024-06-25T15:59:59.000Z';
    const d = since(now);
    const planned = [
      ['planned-interview', '3d', '2024-06-22T15:59:59.000Z', d('2024-06-22T15:59:59.000Z')],
      ['planned-interview', '1d', '2024-06-24T15:59:59.000Z', d('2024-06-24T15:59:59.000Z')],
      ['planned-interview', 'overdue', interview, d(interview)],
    ];
    expect(await jobs()).toEqual([...planned, ...tmtJobs()]);
    // The Mendagri approval names the selection it approves (A-GATE): this test's own id.
    for (const command of scenario.phases.registration) {
      await run(
        command.type === 'RecordMendagriApproval'
          ? ({ ...command, data: { ...command.data, covers: { selectionId } } })
          : command,
      );
    }
    expect(runtime.status().state).toBe('active');
    expect(await jobs()).toEqual([
      ['registration-end', '3d', '2024-05-26T15:59:59.000Z', delay('2024-05-26T15:59:59.000Z')],
      ['registration-end', '1d', '2024-05-28T15:59:59.000Z', delay('2024-05-28T15:59:59.000Z')],
      ['registration-end', 'due', END, delay(END)],
      ...planned,
      ...tmtJobs(),
    ]);
  });

  it('SYSTEM closes registration: its jobs go; an extension for a post short of applicants adds its own', async () => {
    const apply = (vacancyId: string, j: number) =>
      c(
        'SubmitApplication',
        {
          applicationId: `${vacancyId}-${j}`,
          vacancyId,
          applicant: {
            nip: nipOf(Number(vacancyId.slice(1)) * 10 + j),
            name: `Pelamar ${vacancyId}-${j}`,
          },
          profile: aProfile(),
        },
        wita('2024-05-20'),
      );
    for (const j of [1, 2, 3, 4]) await run(apply('v1', j));
    for (const j of [1, 2]) await run(apply('v7', j));
    await run(c('CloseRegistration', {}, wita('2024-05-29', '23:59:59'), 'SYSTEM'));
    expect((await jobs()).filter(([id]) => id.startsWith('registration'))).toEqual([]);

    await run(
      c(
        'ExtendRegistration',
        { vacancyIds: ['v7'], reason: 'Pelamar kurang dari 4' },
        wita('2024-05-30'),
      ),
    );
    const end = '2024-06-06T15:59:59.000Z'; // 7 calendar days later, 23:59:59 WITA
    const d = since(now);
    expect((await jobs()).filter(([id]) => id.startsWith('registration'))).toEqual([
      [
        'registration-extension-1-v7',
        '3d',
        '2024-06-03T15:59:59.000Z',
        d('2024-06-03T15:59:59.000Z'),
      ],
      [
        'registration-extension-1-v7',
        '1d',
        '2024-06-05T15:59:59.000Z',
        d('2024-06-05T15:59:59.000Z'),
      ],
      ['registration-extension-1-v7', 'due', end, d(end)],
    ]);
  });

  it('removes every job of the selection when it is cancelled', async () => {
    expect((await jobs()).length).toBeGreaterThan(0);
    await run(c('CancelSelection', { reason: 'Uji pembatalan' }, wita('2024-06-01')));
    expect(await jobs()).toEqual([]);
  });
});
