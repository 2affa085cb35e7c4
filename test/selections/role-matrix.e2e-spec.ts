import { commandCatalog } from '@jejak/selections';
import { procedures, ROLES } from '@jejak/workflows';
import type { TestApp } from '../support/test-app.js';
import { startSelectionsApp } from './support/selections-app.js';
import { expectStatus, selectionHttp } from './support/selection-http.js';

// Every command x every role, generated from the workflows' role tables
// (`procedure.commands[type].roles`): the allowed roles get past authorization (to the body's
// validation or the decision), every other role gets 403 naming the allowed ones. AUDITOR and
// ADMIN never issue a workflow command. The role is checked before the body, as a guard would.

const catalog = commandCatalog(procedures);
const cases = catalog.flatMap((entry) =>
  ROLES.map((role) => ({ ...entry, role, allowed: entry.roles.includes(role) })),
);

describe('selections: the role matrix', () => {
  let t: TestApp;
  let h: ReturnType<typeof selectionHttp>;
  const selections = new Map<string, string>();

  beforeAll(async () => {
    t = await startSelectionsApp({ env: { WORKERS: 'off' } });
    h = selectionHttp(t);
    for (const kind of Object.keys(procedures)) {
      const opened = expectStatus(await h.open({ kind, title: `Matriks peran ${kind}` }), 201);
      selections.set(kind, opened.body.id as string);
    }
  });
  afterAll(() => t.close());

  it('covers every command of every procedure', () => {
    for (const procedure of Object.values(procedures)) {
      for (const type of Object.keys(procedure.commands)) {
        expect(catalog.some((e) => e.kind === procedure.kind && e.type === type)).toBe(true);
      }
    }
    expect(catalog.flatMap((e) => e.roles)).not.toContain('AUDITOR');
    expect(catalog.flatMap((e) => e.roles)).not.toContain('ADMIN');
  });

  it.each(
    cases.map((c) => [c.kind, c.type, c.role, c.allowed ? 'allowed' : 'forbidden', c] as const),
  )('%s %s as %s: %s', async (kind, type, role, _verdict, entry) => {
    const id = selections.get(kind)!;
    const before = await h.revision(id);
    const response =
      type === 'OpenSelection'
        ? await h.open({ kind, title: 'x'.repeat(301) }, { role: role })
        : await h.command(id, type, { role: role, body: { unexpected: true } });
    if (entry.allowed) {
      expect([type, role, response.status]).not.toEqual([type, role, 403]);
      expect([401, 403, 404]).not.toContain(response.status);
    } else {
      expect([type, role, response.status]).toEqual([type, role, 403]);
      expect(response.body).toMatchObject({ role, allowedRoles: entry.roles });
    }
    expect(await h.revision(id)).toBe(before);
  });
});
