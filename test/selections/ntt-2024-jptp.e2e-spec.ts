import { jptpOpenSelection, type Command } from '@jejak/workflows';
import { ntt2024Commands } from '../../workflows/src/jptp-open-selection/testing/ntt-2024.case.js';
import type { TestApp } from '../support/test-app.js';
import { startSelectionsApp, storeVariants, testClock } from './support/selections-app.js';
import { expectStatus, JPTP, selectionHttp } from './support/selection-http.js';

// The 2024 NTT reference case (docs/domain.md §8) over HTTP: every command of the JPTP helper's
// reference case (workflows/.../testing/ntt-2024.case.ts: the 15 posts of the seed, the public
// documents, invented applicants and intermediate dates) sent by a token of the role its step
// needs, at the command's own time (the clock is set, never waited for), ending `completed`.

const commands: Command[] = ntt2024Commands();

// ~460 commands, each committed durably (SQLite synchronous=FULL, PostgreSQL fsync).

for (const variant of storeVariants('sel_e2e_ntt')) {
  describe(`the 2024 NTT JPTP reference case over HTTP (${variant.name})`, () => {
    let t: TestApp;
    let h: ReturnType<typeof selectionHttp>;
    let id: string;
    const clock = testClock(commands[0]!.metadata.now);

    beforeAll(async () => {
      // WORKERS=off: no inline reminders closing registration by the wall clock meanwhile.
      t = await startSelectionsApp({
        ...variant.options,
        env: { ...variant.options.env, WORKERS: 'off' },
        clock,
      });
      h = selectionHttp(t);
    });
    afterAll(async () => {
      await t.close();
      await variant.dispose();
    });

    it('runs from OpenSelection to completed, each step by its role', async () => {
      for (const [i, command] of commands.entries()) {
        clock.set(command.metadata.now);
        const { actor } = command.metadata;
        const identity = {
          sub: actor.sub,
          name: actor.name,
          ...(actor.nip ? { nip: actor.nip } : {}),
        };
        if (command.type === 'OpenSelection') {
          const { selectionId: _ignored, ...data } = command.data as { selectionId: string };
          const opened = expectStatus(
            await h.open({ kind: JPTP, ...data }, { role: actor.role, identity }),
            201,
          );
          id = opened.body.id as string;
          continue;
        }
        const response = await h.command(id, command.type, {
          role: actor.role,
          identity,
          body: command.data,
        });
        expectStatus(response, 200);
        expect(response.body.revision).toBe(i);
      }
      const detail = expectStatus(await h.get(`/selections/${id}`, { role: 'AUDITOR' }), 200).body;
      expect(detail).toMatchObject({
        kind: JPTP,
        state: 'completed',
        revision: commands.length - 1,
        availableCommands: [],
      });
      expect(detail.vacancies).toHaveLength(15);
      for (const vacancy of detail.vacancies as { status: string }[])
        expect(vacancy.status).toBe('filled');
    }, 240_000);

    it('stored one event per command, each with its actor, role and legal citations, hash-chained', async () => {
      const events = await h.stream(id);
      expect(events).toHaveLength(commands.length);
      for (const [i, event] of events.entries()) {
        const command = commands[i]!;
        const spec =
          jptpOpenSelection.commands[command.type as keyof typeof jptpOpenSelection.commands];
        expect(event.type).toBe(spec.event);
        expect(JSON.parse(event.metadata['actor']!)).toMatchObject({
          sub: command.metadata.actor.sub,
          role: command.metadata.actor.role,
        });
        expect(event.metadata).toMatchObject({
          role: command.metadata.actor.role,
          command: command.type,
          kind: JPTP,
        });
        expect(JSON.parse(event.metadata['legalBasis']!)).toEqual([
          ...new Set(spec.rules.map((r) => r.citation)),
        ]);
        expect(event.metadata['recordedAt']).toBe(new Date(command.metadata.now).toISOString());
      }
      const announced = events.find((e) => e.type === 'AnnouncementPublished')!;
      expect(JSON.parse(announced.metadata['legalBasis']!)).toEqual(
        expect.arrayContaining([expect.stringContaining('PermenPAN-RB 15/2019')]),
      );
      const chosen = events.filter((e) => e.type === 'CandidateChosen');
      expect(chosen).toHaveLength(15);
      for (const event of chosen) expect(event.metadata['role']).toBe('PPK');
      expect(await t.store.verifyStream(`selection-${id}`)).toMatchObject({
        ok: true,
        eventsChecked: commands.length,
      });
    });

    it('shows the audit trail over HTTP with UTC and WITA times', async () => {
      const page = expectStatus(
        await h.get(`/selections/${id}/events?fromRevision=0&limit=1000`, { role: 'AUDITOR' }),
        200,
      ).body;
      expect(page.events.length).toBe(commands.length);
      const inauguration = (
        page.events as { type: string; actor: { role: string }; legalBasis: string[] }[]
      ).find((e) => e.type === 'InaugurationRecorded')!;
      expect(inauguration.actor.role).toBe('PPK');
      expect(inauguration.legalBasis.length).toBeGreaterThan(0);
    });

    it('replays the state as of any revision: registration right after the announcement', async () => {
      const announcedAt = commands.findIndex((c) => c.type === 'PublishAnnouncement');
      const state = expectStatus(
        await h.get(`/selections/${id}/state?revision=${announcedAt}`, { role: 'AUDITOR' }),
        200,
      ).body;
      expect(state).toMatchObject({ revision: announcedAt, state: 'registration' });
    });
  });
}
