import {
  CURRENT_SCHEMA_VERSION,
  jptpOpenSelection,
  toWita,
  type Command,
  type DomainEvent,
} from '@jejak/workflows';
import { ntt2024Commands } from '../../workflows/src/jptp-open-selection/testing/ntt-2024.case.js';
import type { TestApp } from '../support/test-app.js';
import { startSelectionsApp, storeVariants } from './support/selections-app.js';
import { expectStatus, JPTP, selectionHttp } from './support/selection-http.js';

// Back-filling (issue 13): the whole 2024 NTT case entered over HTTP *today* (the server's real
// clock), each command with its 2024 date as `effectiveAt`, ends in the same state, with the
// same stage dates and deadlines, as the case folded with its 2024 clock. Along the way, a
// future-dated act and a decree dated before the choice it executes are refused (422, rule id),
// nothing written.

const commands: Command[] = ntt2024Commands();

/** The case folded with its own 2024 clock (no server, no store). */
function foldedIn2024() {
  const events: DomainEvent[] = [];
  let snapshot = jptpOpenSelection.initialState();
  for (const command of commands) {
    const decision = jptpOpenSelection.decide(command as never, snapshot);
    if (decision.kind !== 'Accepted') throw new Error(`${command.type} refused in 2024`);
    events.push(...decision.events);
    snapshot = jptpOpenSelection.fold(decision.events, snapshot);
  }
  return { events, snapshot };
}

/** Data with every instant-valued `occurredAt` in one form (WITA), for comparison. */
const normalized = (data: unknown): unknown => {
  const {
    occurredAt,
    selectionId: _id,
    ...rest
  } = data as {
    occurredAt: string;
    selectionId?: string;
  };
  return { ...rest, occurredAt: toWita(occurredAt) };
};
const stagesOf = (stages: Record<string, { planned?: string; actual?: string }>) =>
  Object.fromEntries(
    Object.entries(stages).map(([stage, d]) => [
      stage,
      { ...d, ...(d.actual === undefined ? {} : { actual: toWita(d.actual) }) },
    ]),
  );

const [variant] = storeVariants('sel_e2e_backfill');

describe(`back-filling the 2024 NTT case over HTTP today (${variant!.name})`, () => {
  let t: TestApp;
  let h: ReturnType<typeof selectionHttp>;
  let id: string;
  const reference = foldedIn2024();

  beforeAll(async () => {
    t = await startSelectionsApp({
      ...variant!.options,
      env: { ...variant!.options.env, WORKERS: 'off' },
    });
    h = selectionHttp(t);
  });
  afterAll(async () => {
    await t.close();
    await variant!.dispose();
  });

  const send = (command: Command, effectiveAt: string) => {
    const { actor } = command.metadata;
    const identity = { sub: actor.sub, name: actor.name, ...(actor.nip ? { nip: actor.nip } : {}) };
    return h.command(id, command.type, {
      role: actor.role,
      identity,
      body: { ...command.data, effectiveAt },
    });
  };

  it('enters every command with its 2024 date; refuses a future date and a decree before its choice', async () => {
    for (const [i, command] of commands.entries()) {
      const { actor } = command.metadata;
      if (command.type === 'OpenSelection') {
        const { selectionId: _ignored, ...data } = command.data as { selectionId: string };
        const opened = expectStatus(
          await h.open(
            { kind: JPTP, ...data, effectiveAt: command.metadata.now },
            { role: actor.role, identity: { sub: actor.sub, name: actor.name } },
          ),
          201,
        );
        id = opened.body.id as string;
        continue;
      }
      if (i === commands.findIndex((c) => c.type === 'IssueAppointmentDecree')) {
        const future = await send(command, '2099-01-01T09:00:00+08:00');
        expect(future.status).toBe(422);
        expect(JSON.stringify(future.body)).toContain('T-FUTURE');
        const early = await send(command, '2024-06-01T09:00:00+08:00');
        expect(early.status).toBe(422);
        expect(JSON.stringify(early.body)).toContain('A-ORDER-DECREE');
        expect(await t.store.streamRevision(`selection-${id}`)).toBe(i - 1);
      }
      const response = await send(command, command.metadata.now);
      expectStatus(response, 200);
      expect(response.body.revision).toBe(i);
    }
  }, 240_000);

  it('ends in the same state, stage dates and deadlines as the case folded with its 2024 clock', async () => {
    const detail = expectStatus(await h.get(`/selections/${id}`, { role: 'AUDITOR' }), 200).body;
    const summary = jptpOpenSelection.summarize(reference.snapshot);
    expect(detail.state).toBe(summary.state);
    expect(stagesOf(detail.stages)).toEqual(stagesOf(summary.stages));
    expect([...detail.upcomingDeadlines, ...detail.overdueDeadlines]).toEqual(
      expect.arrayContaining(jptpOpenSelection.deadlines(reference.snapshot)),
    );
  });

  it('stored the same acts (report-to-Mendagri due dates included), each with both times', async () => {
    const events = await t.store.readStream(`selection-${id}`);
    expect(events.map((e) => e.type)).toEqual(reference.events.map((e) => e.type));
    for (const [i, event] of events.entries()) {
      expect(normalized(event.data)).toEqual(normalized(reference.events[i]!.data));
      expect(event.metadata['effectiveAt']).toBe(toWita(commands[i]!.metadata.now));
      expect(Date.parse(event.metadata['recordedAt']!)).toBeGreaterThan(Date.parse('2026-01-01'));
      expect(event.metadata['schemaVersion']).toBe(String(CURRENT_SCHEMA_VERSION));
    }
    expect(await t.store.verifyStream(`selection-${id}`)).toMatchObject({ ok: true });
  });

  it('answers both questions: ?at= by the acts’ 2024 dates, ?knownAt= by when they were recorded', async () => {
    const at = '2024-05-20T12:00:00+08:00';
    const inEffect = reference.events.filter(
      (e) => Date.parse(e.data.occurredAt) <= Date.parse(at),
    );
    const legally = expectStatus(
      await h.get(`/selections/${id}/state?at=${encodeURIComponent(at)}`, { role: 'AUDITOR' }),
      200,
    ).body;
    expect(legally.state).toBe(
      jptpOpenSelection.stateOf(jptpOpenSelection.fold(inEffect as never)),
    );
    expect(legally.state).toBe('registration');

    const [first] = await t.store.readStream(`selection-${id}`, { maxCount: 1 });
    const knownAt = first!.metadata['recordedAt']!;
    const recorded = expectStatus(
      await h.get(`/selections/${id}/state?knownAt=${encodeURIComponent(knownAt)}`, {
        role: 'AUDITOR',
      }),
      200,
    ).body;
    // When only the opening was recorded, the record knew nothing of the 2024 registration.
    expect(recorded.revision).toBe(0);
    expect(recorded.state).not.toBe(legally.state);
    const both = expectStatus(
      await h.get(
        `/selections/${id}/state?at=${encodeURIComponent(at)}&knownAt=${encodeURIComponent(knownAt)}`,
        { role: 'AUDITOR' },
      ),
      200,
    ).body;
    expect(both.revision).toBe(0);
  });
});
