import { SignJWT } from 'jose';
import { AuthError } from './auth.errors.js';
import { signToken } from './sign-token.js';
import { createTokenVerifier } from './verify-token.js';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256!';
const NOW = new Date('2024-05-15T01:00:00Z');
const at = (iso: string) => () => new Date(iso);

const ppk = { sub: 'gubernur', name: 'Gubernur NTT', roles: ['PPK'] as const };

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe('createTokenVerifier (HS256)', () => {
  const verify = createTokenVerifier({ secret: SECRET, now: at('2024-05-15T02:00:00Z') });

  it('returns the principal of a valid token: sub, name, nip and roles', async () => {
    const token = await signToken({
      secret: SECRET,
      ...ppk,
      nip: '196501011990031001',
      roles: ['PPK', 'AUDITOR'],
      now: NOW,
    });
    await expect(verify(token)).resolves.toEqual({
      sub: 'gubernur',
      name: 'Gubernur NTT',
      nip: '196501011990031001',
      roles: ['PPK', 'AUDITOR'],
    });
  });

  it('rejects an expired token', async () => {
    const token = await signToken({ secret: SECRET, ...ppk, ttl: '30m', now: NOW });
    const error = await rejection(verify(token));
    expect(error).toMatchObject({
      code: 'INVALID_TOKEN',
      message: 'Invalid token: the token has expired',
    });
  });

  it('rejects a token issued more than 7 days ago, whatever its exp, and one without iat', async () => {
    const old = await signToken({
      secret: SECRET,
      ...ppk,
      ttl: '30d',
      now: new Date('2024-05-07T01:00:00Z'),
    });
    expect(await rejection(verify(old))).toMatchObject({ code: 'INVALID_TOKEN' });
    const recent = await signToken({
      secret: SECRET,
      ...ppk,
      ttl: '30d',
      now: new Date('2024-05-09T01:00:00Z'),
    });
    await expect(verify(recent)).resolves.toMatchObject({ sub: 'gubernur' });
    const noIat = await new SignJWT({ name: 'x', roles: ['PPK'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('someone')
      .setExpirationTime(new Date('2024-05-15T03:00:00Z'))
      .sign(new TextEncoder().encode(SECRET));
    expect(await rejection(verify(noIat))).toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('remembers a verified token until it expires (with the skew tolerated), then rejects it', async () => {
    let now = new Date('2024-05-15T01:10:00Z');
    const cached = createTokenVerifier({ secret: SECRET, now: () => now });
    const token = await signToken({ secret: SECRET, ...ppk, ttl: '30m', now: NOW });
    const first = await cached(token);
    await expect(cached(token)).resolves.toEqual(first);
    now = new Date('2024-05-15T01:30:29Z'); // exp 01:30:00 + 30 s tolerance
    await expect(cached(token)).resolves.toEqual(first);
    now = new Date('2024-05-15T01:30:31Z');
    expect(await rejection(cached(token))).toMatchObject({ code: 'INVALID_TOKEN' });
    // A token that failed is checked afresh (never remembered as valid).
    const forged = `${token.slice(0, -4)}AAAA`;
    now = new Date('2024-05-15T01:10:00Z');
    expect(await rejection(cached(forged))).toMatchObject({ code: 'INVALID_TOKEN' });
    expect(await rejection(cached(forged))).toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('rejects a token signed with another secret', async () => {
    const token = await signToken({ secret: `${SECRET}-other`, ...ppk, now: NOW });
    expect(await rejection(verify(token))).toMatchObject({
      code: 'INVALID_TOKEN',
      message: 'Invalid token: the signature does not verify',
    });
  });

  it('rejects a token without roles, or with no role jejak knows', async () => {
    for (const roles of [[], ['KEPALA_DINAS']]) {
      const token = await new SignJWT({ name: 'x', roles })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('someone')
        .setIssuedAt(NOW)
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(SECRET));
      expect(await rejection(verify(token))).toMatchObject({
        code: 'INVALID_TOKEN',
        message: 'Invalid token: the token grants no jejak role ("roles")',
      });
    }
  });

  it('rejects a token without an expiry', async () => {
    const token = await new SignJWT({ name: 'x', roles: ['PPK'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('someone')
      .sign(new TextEncoder().encode(SECRET));
    expect(await rejection(verify(token))).toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('rejects garbage and unsigned tokens', async () => {
    expect(await rejection(verify('not-a-jwt'))).toMatchObject({
      code: 'INVALID_TOKEN',
      message: 'Invalid token: the token is malformed',
    });
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`;
    expect(await rejection(verify(unsigned))).toMatchObject({
      code: 'INVALID_TOKEN',
      message: 'Invalid token: tokens signed with none are not accepted',
    });
  });

  it('rejects a malformed nip claim', async () => {
    const token = await signToken({ secret: SECRET, ...ppk, nip: '12345', now: NOW });
    expect(await rejection(verify(token))).toMatchObject({ code: 'INVALID_TOKEN' });
  });

  describe('with an issuer and an audience configured', () => {
    const strict = createTokenVerifier({
      secret: SECRET,
      issuer: 'jejak',
      audience: 'jejak-api',
      now: at('2024-05-15T02:00:00Z'),
    });

    it('accepts a token for that audience from that issuer', async () => {
      const token = await signToken({
        secret: SECRET,
        ...ppk,
        issuer: 'jejak',
        audience: 'jejak-api',
        now: NOW,
      });
      await expect(strict(token)).resolves.toMatchObject({ sub: 'gubernur' });
    });

    it('rejects a token for another audience', async () => {
      const token = await signToken({
        secret: SECRET,
        ...ppk,
        issuer: 'jejak',
        audience: 'simpeg',
        now: NOW,
      });
      expect(await rejection(strict(token))).toMatchObject({
        code: 'INVALID_TOKEN',
        message: 'Invalid token: the "aud" claim is missing or not accepted',
      });
    });

    it('rejects a token from another issuer', async () => {
      const token = await signToken({
        secret: SECRET,
        ...ppk,
        issuer: 'elsewhere',
        audience: 'jejak-api',
        now: NOW,
      });
      expect(await rejection(strict(token))).toMatchObject({ code: 'INVALID_TOKEN' });
    });
  });

  it('refuses to be built without a secret or a JWKS', () => {
    expect(() => createTokenVerifier({})).toThrow('needs a secret or a JWKS URL');
  });
});
