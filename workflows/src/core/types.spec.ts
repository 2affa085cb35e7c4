import { ROLES, assertUnreachable } from './types.js';

describe('core types', () => {
  it('names the roles of docs/domain.md §1', () => {
    expect(ROLES).toEqual([
      'SEKRETARIAT',
      'PANSEL',
      'TPK',
      'ASESOR',
      'PPK',
      'SEKDA',
      'AUDITOR',
      'SYSTEM',
      'ADMIN',
    ]);
  });

  it('throws on an unreachable value, naming it', () => {
    expect(() => assertUnreachable('surprise' as never)).toThrow('Unreachable: "surprise"');
  });
});
