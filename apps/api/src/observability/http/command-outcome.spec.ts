import { classifyCommandResponse } from './command-outcome.js';

const command = (
  statusCode: number,
  body: unknown = {},
  path = '/selections/abc/commands/CloseRegistration',
) => classifyCommandResponse({ method: 'POST', path, statusCode, body });

describe('classifyCommandResponse', () => {
  it('counts a 2xx answer to a command as accepted, typed by the path', () => {
    expect(command(200)).toEqual({ type: 'CloseRegistration', outcome: 'accepted', ruleIds: [] });
  });

  it('counts POST /selections as the OpenSelection command', () => {
    expect(command(201, {}, '/selections')).toEqual({
      type: 'OpenSelection',
      outcome: 'accepted',
      ruleIds: [],
    });
  });

  it('tells a 409 for the wrong state from a 409 for a lost race', () => {
    expect(
      command(409, { state: 'planning', acceptedCommands: ['RegisterVacancy'] })?.outcome,
    ).toBe('not_allowed_in_state');
    expect(command(409, { currentRevision: 4 })?.outcome).toBe('conflict');
  });

  it('counts a 412 as a stale revision', () => {
    expect(command(412, { expectedRevision: 1, currentRevision: 2 })?.outcome).toBe(
      'stale_revision',
    );
  });

  it('lists the rule ids of a 422', () => {
    const body = { violations: [{ rule: 'A-WINDOW' }, { rule: 'A-MIN' }, { message: 'no id' }] };
    expect(command(422, body)).toEqual({
      type: 'CloseRegistration',
      outcome: 'rules_broken',
      ruleIds: ['A-WINDOW', 'A-MIN'],
    });
  });

  it.each([400, 401, 403, 404, 413, 415, 500])('ignores %i: no decision was made', (status) => {
    expect(command(status)).toBeNull();
  });

  it('ignores a 422 without violations (an idempotency key reused with another body)', () => {
    expect(command(422, { detail: 'Idempotency-Key reused' })).toBeNull();
  });

  it('ignores reads and other paths', () => {
    expect(
      classifyCommandResponse({ method: 'GET', path: '/selections', statusCode: 200, body: [] }),
    ).toBeNull();
    expect(
      classifyCommandResponse({ method: 'POST', path: '/health', statusCode: 200, body: {} }),
    ).toBeNull();
  });
});
