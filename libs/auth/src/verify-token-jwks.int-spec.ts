import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createTokenVerifier } from './verify-token.js';

/**
 * OIDC verification against a real JWKS served over HTTP by a local server, as an identity
 * provider (Keycloak, an Azure/Google tenant) would serve it.
 */
describe('createTokenVerifier (OIDC JWKS over HTTP)', () => {
  const issuer = 'https://sso.nttprov.example/realms/asn';
  const audience = 'jejak-api';
  let server: Server;
  let jwksUrl: string;
  let privateKey: CryptoKey;
  let strangerKey: CryptoKey;
  let served: JWK[];
  let fetches = 0;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    served = [{ ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' }];
    server = createServer((request, response) => {
      fetches += 1;
      if (request.url !== '/jwks') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: served }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const sign = (key: CryptoKey, claims: { aud?: string; iss?: string; kid?: string } = {}) =>
    new SignJWT({ name: 'Maria Lede', nip: '198203152006042011', roles: ['TPK'] })
      .setProtectedHeader({ alg: 'RS256', kid: claims.kid ?? 'key-1' })
      .setSubject('maria')
      .setIssuer(claims.iss ?? issuer)
      .setAudience(claims.aud ?? audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);

  it('accepts a token signed by a key of the issuer, fetching the JWKS over HTTP', async () => {
    const verify = createTokenVerifier({ jwksUrl, issuer, audience });
    const before = fetches;
    await expect(verify(await sign(privateKey))).resolves.toEqual({
      sub: 'maria',
      name: 'Maria Lede',
      nip: '198203152006042011',
      roles: ['TPK'],
    });
    expect(fetches).toBeGreaterThan(before);
  });

  it('rejects a token for another audience', async () => {
    const verify = createTokenVerifier({ jwksUrl, issuer, audience });
    await expect(verify(await sign(privateKey, { aud: 'another-app' }))).rejects.toMatchObject({
      code: 'INVALID_TOKEN',
      message: 'Invalid token: the "aud" claim is missing or not accepted',
    });
  });

  it('rejects a token from another issuer', async () => {
    const verify = createTokenVerifier({ jwksUrl, issuer, audience });
    await expect(
      verify(await sign(privateKey, { iss: 'https://evil.example' })),
    ).rejects.toMatchObject({
      code: 'INVALID_TOKEN',
    });
  });

  it('rejects a token signed by a key the JWKS does not hold', async () => {
    const verify = createTokenVerifier({ jwksUrl, issuer, audience });
    await expect(verify(await sign(strangerKey))).rejects.toMatchObject({
      code: 'INVALID_TOKEN',
      message: 'Invalid token: the signature does not verify',
    });
    await expect(verify(await sign(strangerKey, { kid: 'unknown' }))).rejects.toMatchObject({
      code: 'INVALID_TOKEN',
      message: "Invalid token: no key of the issuer's JWKS matches the token",
    });
  });

  it('rejects an HS256 token when only a JWKS is trusted', async () => {
    const verify = createTokenVerifier({ jwksUrl, issuer, audience });
    const hs = await new SignJWT({ roles: ['PPK'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(40)));
    await expect(verify(hs)).rejects.toMatchObject({
      code: 'INVALID_TOKEN',
      message: 'Invalid token: tokens signed with HS256 are not accepted',
    });
  });

  it('says the identity provider is unavailable when its JWKS cannot be fetched', async () => {
    const verify = createTokenVerifier({
      jwksUrl: jwksUrl.replace('/jwks', '/missing'),
      issuer,
      audience,
    });
    await expect(verify(await sign(privateKey))).rejects.toMatchObject({
      code: 'AUTH_PROVIDER_UNAVAILABLE',
    });
  });
});
