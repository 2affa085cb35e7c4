import { actorFor, principalFromClaims } from './actor.js';
import { rolesFromClaim } from './roles.js';

describe('principalFromClaims', () => {
  it('falls back from name to preferred_username to sub', () => {
    expect(principalFromClaims({ sub: 's', roles: ['PPK'] }).name).toBe('s');
    expect(principalFromClaims({ sub: 's', preferred_username: 'p', roles: ['PPK'] }).name).toBe(
      'p',
    );
  });

  it('requires a sub', () => {
    expect(() => principalFromClaims({ roles: ['PPK'] })).toThrow('no "sub" claim');
  });
});

describe('rolesFromClaim', () => {
  it('keeps known roles in order, once, from an array or a space-separated string', () => {
    expect(rolesFromClaim(['TPK', 'X', 'PPK', 'TPK'])).toEqual(['TPK', 'PPK']);
    expect(rolesFromClaim('AUDITOR SEKDA')).toEqual(['AUDITOR', 'SEKDA']);
    expect(rolesFromClaim(42)).toEqual([]);
  });
});

describe('actorFor', () => {
  const principal = { sub: 'rina', name: 'Rina', roles: ['SEKRETARIAT', 'PANSEL'] } as const;
  const p = { ...principal, roles: [...principal.roles] };

  it('acts in the first role by default', () => {
    expect(actorFor(p)).toEqual({ sub: 'rina', name: 'Rina', role: 'SEKRETARIAT' });
  });

  it('acts in the role named by X-Jejak-Role (any case) when the token grants it', () => {
    expect(actorFor(p, 'pansel').role).toBe('PANSEL');
  });

  it('refuses a role the token does not grant, listing the granted ones', () => {
    expect(() => actorFor(p, 'PPK')).toThrow(
      expect.objectContaining({
        code: 'ROLE_NOT_GRANTED',
        details: { requestedRole: 'PPK', grantedRoles: ['SEKRETARIAT', 'PANSEL'] },
      }),
    );
  });
});
