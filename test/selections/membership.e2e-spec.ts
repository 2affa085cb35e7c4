import type { Command } from '@jejak/workflows';
import { ntt2024Commands } from '../../workflows/src/jptp-open-selection/testing/ntt-2024.case.js';
import type { TestApp } from '../support/test-app.js';
import { startSelectionsApp, testClock } from './support/selections-app.js';
import { expectStatus, JPTP, selectionHttp } from './support/selection-http.js';

// MEMBERSHIP_CHECK=strict (docs/domain.md §1): a PANSEL actor must be a recorded member of this
// selection's Pansel (FormPansel), known by the NIP in the token.

const commands: Command[] = ntt2024Commands();
const upToAnnouncement = commands.slice(
  0,
  commands.findIndex((c) => c.type === 'PublishAnnouncement') + 1,
);

describe('selections with MEMBERSHIP_CHECK=strict', () => {
  let t: TestApp;
  let h: ReturnType<typeof selectionHttp>;
  let id: string;
  const clock = testClock(commands[0]!.metadata.now);

  beforeAll(async () => {
    t = await startSelectionsApp({ env: { MEMBERSHIP_CHECK: 'strict', WORKERS: 'off' }, clock });
    h = selectionHttp(t);
  });
  afterAll(() => t.close());

  it('lets only a recorded Pansel member act as PANSEL', async () => {
    const members: { nip?: string }[] = [];
    for (const command of upToAnnouncement.slice(0, -1)) {
      clock.set(command.metadata.now);
      const role = command.metadata.actor.role;
      if (command.type === 'OpenSelection') {
        id = expectStatus(
          await h.open({ kind: JPTP, title: 'Seleksi (anggota Pansel)' }, { role }),
          201,
        ).body.id as string;
        continue;
      }
      if (command.type === 'FormPansel')
        members.push(...(command.data as { members: { nip?: string }[] }).members);
      expectStatus(await h.command(id, command.type, { role, body: command.data }), 200);
    }
    const announcement = upToAnnouncement.at(-1)!;
    clock.set(announcement.metadata.now);
    const before = await h.revision(id);
    const outsider = await h.command(id, 'PublishAnnouncement', {
      role: 'PANSEL',
      identity: { sub: 'outsider', nip: '199001012015011001' },
      body: announcement.data,
    });
    expect(expectStatus(outsider, 403).body).toMatchObject({
      role: 'PANSEL',
      reason: expect.stringContaining('MEMBERSHIP_CHECK=strict'),
    });
    const withoutNip = await h.command(id, 'PublishAnnouncement', {
      role: 'PANSEL',
      body: announcement.data,
    });
    expectStatus(withoutNip, 403);
    expect(await h.revision(id)).toBe(before);
    const member = members.find((m) => m.nip !== undefined)!;
    const accepted = await h.command(id, 'PublishAnnouncement', {
      role: 'PANSEL',
      identity: { sub: 'ketua-pansel', nip: member.nip! },
      body: announcement.data,
    });
    expect(expectStatus(accepted, 200).body).toMatchObject({ state: 'registration' });
  }, 60_000);
});
