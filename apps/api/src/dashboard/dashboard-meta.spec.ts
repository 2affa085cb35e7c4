import { describe, expect, it } from '@jest/globals';
import { JPTP_KIND, JPTP_STAGES, jptpOpenSelection, procedures } from '@jejak/workflows';
import { DEMO_ROLES, procedureMeta, uiConfig } from './dashboard-meta.js';

describe('dashboard metadata of a procedure', () => {
  const meta = procedureMeta(JPTP_KIND, jptpOpenSelection);

  it('lists the stages in order, every state and the final ones', () => {
    expect(meta.stages).toEqual([...JPTP_STAGES]);
    expect(meta.states[0]).toBe('unopened');
    expect(meta.states).toEqual(expect.arrayContaining([...JPTP_STAGES, 'suspended', 'completed', 'cancelled']));
    expect(meta.finalStates).toEqual(['completed', 'cancelled']);
  });

  it('draws the transitions of the machine, marking those every stage has', () => {
    expect(meta.transitions).toContainEqual({ from: 'planning', to: 'preparing', event: 'StageCompleted' });
    expect(meta.transitions).toContainEqual({ from: 'preparing', to: 'registration', event: 'AnnouncementPublished' });
    expect(meta.transitions).toContainEqual({ from: 'registrationClosed', to: 'registration', event: 'RegistrationExtended' });
    expect(meta.transitions).toContainEqual({ from: 'ranking', to: 'suspended', event: 'SelectionSuspended', anyStage: true });
    expect(meta.transitions).toContainEqual({ from: 'suspended', to: 'history', event: 'SelectionResumed' });
    // Repeated in every stage of a flat machine counts as from any stage too (Pergub 113).
    const pergub = procedureMeta('pergub-113-filling', procedures['pergub-113-filling']);
    const cancels = pergub.transitions.filter((t) => t.to === 'cancelled' && pergub.stages.includes(t.from));
    expect(cancels.length).toBe(pergub.stages.length);
    expect(cancels.every((t) => t.anyStage === true)).toBe(true);
    expect(pergub.transitions).toContainEqual({ from: 'constitutingTpk', to: 'inventory', event: 'StageCompleted' });
    // Every transition lands on a state the diagram knows (or the history marker).
    for (const { to } of meta.transitions) expect([...meta.states, 'history']).toContain(to);
  });

  it("gives each state's commands with the roles of the workflows' table", () => {
    const preparing = meta.commandsByState['preparing'] ?? [];
    expect(preparing).toContainEqual({ type: 'FormPansel', roles: ['PPK'] });
    expect(preparing).toContainEqual({ type: 'PublishAnnouncement', roles: [...jptpOpenSelection.commands.PublishAnnouncement.roles] });
    expect(meta.commandsByState['unopened']).toEqual([{ type: 'OpenSelection', roles: ['SEKRETARIAT'] }]);
  });

  it('offers demo roles only when demo sign-in is on, never SYSTEM or ADMIN', () => {
    expect(DEMO_ROLES).not.toContain('SYSTEM');
    expect(DEMO_ROLES).not.toContain('ADMIN');
    expect(uiConfig({ demoSignIn: false, procedures }).demoRoles).toEqual([]);
    const on = uiConfig({ demoSignIn: true, procedures });
    expect(on.demoRoles).toEqual([...DEMO_ROLES]);
    expect(Object.keys(on.procedures)).toEqual(Object.keys(procedures));
    expect(on.holidays.length).toBeGreaterThan(10);
    expect(on.holidays[0]).toEqual({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), name: expect.any(String), kind: expect.any(String) });
  });
});
