import { createTokenVerifier } from '@jejak/auth';
import { COMMANDS } from '../commands.js';
import { runCli } from '../run-cli.js';
import { captureIo } from '../testing/capture-io.js';

const SECRET = 'cli-test-secret-0123456789-abcdefghijklmnop';

async function token(args: string[], env: Record<string, string> = { JWT_SECRET: SECRET }) {
  const io = captureIo(env);
  const code = await runCli(['token', ...args], io, COMMANDS);
  return { code, token: io.out().trim(), err: io.err() };
}

describe('jejak token', () => {
  it('prints only the token on stdout, signed with JWT_SECRET, with the given claims', async () => {
    const result = await token([
      '--role',
      'PPK',
      '--sub',
      'gubernur',
      '--name',
      'Gubernur NTT',
      '--nip',
      '196501011990031001',
    ]);
    expect(result.code).toBe(0);
    expect(result.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    await expect(createTokenVerifier({ secret: SECRET })(result.token)).resolves.toEqual({
      sub: 'gubernur',
      name: 'Gubernur NTT',
      nip: '196501011990031001',
      roles: ['PPK'],
    });
    expect(result.err).toContain('Token for gubernur as PPK, valid until');
  });

  it('grants several roles in order, from repeated or comma-separated --role, any case', async () => {
    const result = await token([
      '--role',
      'sekretariat,PANSEL',
      '--role',
      'tpk',
      '--sub',
      'r',
      '--name',
      'R',
    ]);
    const principal = await createTokenVerifier({ secret: SECRET })(result.token);
    expect(principal.roles).toEqual(['SEKRETARIAT', 'PANSEL', 'TPK']);
  });

  it('honours --ttl', async () => {
    const result = await token(['--role', 'PPK', '--sub', 'g', '--name', 'G', '--ttl', '30m']);
    const [, payload] = result.token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as {
      iat: number;
      exp: number;
    };
    expect(claims.exp - claims.iat).toBe(1800);
  });

  it('signs with the configured issuer and audience', async () => {
    const env = { JWT_SECRET: SECRET, JWT_ISSUER: 'jejak-ntt', JWT_AUDIENCE: 'jejak-api' };
    const result = await token(['--role', 'AUDITOR', '--sub', 'a', '--name', 'A'], env);
    await expect(
      createTokenVerifier({ secret: SECRET, issuer: 'jejak-ntt', audience: 'jejak-api' })(
        result.token,
      ),
    ).resolves.toMatchObject({ roles: ['AUDITOR'] });
  });

  it.each([
    [['--sub', 'g', '--name', 'G'], '--role is required'],
    [['--role', 'BUPATI', '--sub', 'g', '--name', 'G'], 'Unknown role BUPATI'],
    [['--role', 'PPK', '--name', 'G'], '--sub is required'],
    [['--role', 'PPK', '--sub', 'g'], '--name is required'],
    [['--role', 'PPK', '--sub', 'g', '--name', 'G', '--nip', '123'], '--nip must be 18 digits'],
    [['--role', 'PPK', '--sub', 'g', '--name', 'G', '--ttl', 'forever'], 'Invalid lifetime'],
    [['--role', 'PPK', '--sub', 'g', '--name', 'G', '--ttl', '8d'], '--ttl is at most 7d'],
    [['--role', 'PPK', '--sub', 'g', '--name', 'G', '--admin'], "Unknown option '--admin'"],
  ])('refuses %j with exit 2: %s', async (args, message) => {
    const result = await token(args);
    expect(result).toMatchObject({ code: 2, token: '' });
    expect(result.err).toContain(message);
  });

  it('refuses with exit 2 when the API trusts only an OIDC issuer', async () => {
    const env = { JWT_JWKS_URL: 'https://sso.example/certs', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' };
    const result = await token(['--role', 'PPK', '--sub', 'g', '--name', 'G'], env);
    expect(result.code).toBe(2);
    expect(result.err).toContain('trusts only the OIDC issuer');
  });

  it('refuses with exit 2 on an invalid configuration, naming the variable', async () => {
    const result = await token(['--role', 'PPK', '--sub', 'g', '--name', 'G'], {
      JWT_SECRET: 'short',
    });
    expect(result.code).toBe(2);
    expect(result.err).toContain('JWT_SECRET');
    expect(result.err).not.toContain('short');
  });
});
