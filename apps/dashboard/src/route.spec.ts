import { describe, expect, it } from '@jest/globals';
import { links, parseRoute } from './route.js';
import { readClaims, sessionFromToken } from './session.js';

describe('routes', () => {
  it('maps hashes to pages, and everything to sign-in while signed out', () => {
    expect(parseRoute('#/', true)).toEqual({ name: 'list' });
    expect(parseRoute('', true)).toEqual({ name: 'list' });
    expect(parseRoute('#/seleksi/baru', true)).toEqual({ name: 'new' });
    expect(parseRoute(links.selection('abc-1'), true)).toEqual({ name: 'selection', id: 'abc-1' });
    expect(parseRoute(links.command('abc-1', 'FormPansel'), true)).toEqual({ name: 'command', id: 'abc-1', type: 'FormPansel' });
    expect(parseRoute(links.audit('abc-1'), true)).toEqual({ name: 'audit', id: 'abc-1' });
    expect(parseRoute('#/nowhere', true)).toEqual({ name: 'list' });
    expect(parseRoute('#/seleksi/abc-1', false)).toEqual({ name: 'signIn' });
  });
});

describe('session claims (display only)', () => {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const token = `${encode({ alg: 'HS256' })}.${encode({ sub: 'rina', name: 'Rina Bere', roles: ['SEKRETARIAT', 'AUDITOR'], exp: 2_000_000_000 })}.sig`;

  it('reads the name, roles and expiry of a JWT, and acts in the first role unless told', () => {
    expect(readClaims(token)).toEqual({ sub: 'rina', name: 'Rina Bere', roles: ['SEKRETARIAT', 'AUDITOR'], exp: 2_000_000_000 });
    expect(sessionFromToken(token)?.role).toBe('SEKRETARIAT');
    expect(sessionFromToken(token, 'AUDITOR')?.role).toBe('AUDITOR');
    expect(sessionFromToken(token, 'PPK')?.role).toBe('SEKRETARIAT');
  });

  it('refuses what is not a JWT', () => {
    expect(readClaims('not a token')).toBeUndefined();
    expect(readClaims('a.b.c')).toBeUndefined();
  });
});
