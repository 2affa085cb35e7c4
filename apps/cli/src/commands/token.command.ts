import { parseArgs } from 'node:util';
import { formatWita } from '@jejak/audit';
import {
  isRole,
  loadOrCreateJwtSecret,
  MAX_TOKEN_AGE_SECONDS,
  parseTtl,
  ROLES,
  signToken,
  type Role,
} from '@jejak/auth';
import type { ApiConfig } from '../../../api/src/api.config.js';
import { loadCliConfig } from '../cli.config.js';
import { UsageError, type CliCommand } from '../cli-command.js';

const USAGE = `jejak token --role ROLE --sub ID --name NAME [--nip NIP] [--ttl 8h]
  Prints a bearer token for the API, signed with the configured secret (JWT_SECRET, or in
  embedded mode the one in DATA_DIR/jwt-secret, created if the API has not run yet).
  --role   one of ${ROLES.join(', ')};
           repeat it (or separate with commas) to grant several: the first is the default,
           the client picks another with the X-Jejak-Role header
  --sub    the user id recorded as the actor on every event
  --name   the person's name, recorded with it
  --nip    18-digit NIP (optional)
  --ttl    lifetime: 8h (default), 30m, 7d (the most), or seconds
Example:
  npm run jejak -- token --role PPK --sub gubernur --name "Gubernur NTT"`;

function rolesOf(values: string[]): Role[] {
  const names = values
    .flatMap((value) => value.split(','))
    .map((name) => name.trim().toUpperCase());
  if (names.length === 0) throw new UsageError('--role is required');
  const unknown = names.filter((name) => !isRole(name));
  if (unknown.length > 0) {
    throw new UsageError(`Unknown role ${unknown.join(', ')}: use one of ${ROLES.join(', ')}`);
  }
  return [...new Set(names as Role[])];
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${flag} is required`);
  return value.trim();
}

/** The HS256 secret the API trusts, or why the CLI cannot sign tokens here. */
function secretOf(config: ApiConfig): string {
  if (config.auth.secret !== undefined) return config.auth.secret;
  if (config.auth.generatedSecretDir !== undefined) {
    return loadOrCreateJwtSecret(config.auth.generatedSecretDir).secret;
  }
  throw new UsageError(
    'The API trusts only the OIDC issuer (JWT_JWKS_URL): get tokens from it, or set JWT_SECRET',
  );
}

export const tokenCommand: CliCommand = {
  name: 'token',
  summary: 'print a bearer token for a role (signed with the configured secret)',
  usage: USAGE,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        strict: true,
        options: {
          role: { type: 'string', multiple: true, default: [] },
          sub: { type: 'string' },
          name: { type: 'string' },
          nip: { type: 'string' },
          ttl: { type: 'string', default: '8h' },
        },
      }).values;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const roles = rolesOf(parsed.role);
    const sub = required(parsed.sub, '--sub');
    const name = required(parsed.name, '--name');
    if (parsed.nip !== undefined && !/^\d{18}$/.test(parsed.nip)) {
      throw new UsageError('--nip must be 18 digits');
    }
    let seconds: number;
    try {
      seconds = parseTtl(parsed.ttl);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (seconds > MAX_TOKEN_AGE_SECONDS) {
      throw new UsageError('--ttl is at most 7d (the API refuses older tokens)');
    }
    const config = loadCliConfig(io.env);
    const now = new Date();
    const token = await signToken({
      secret: secretOf(config),
      sub,
      name,
      roles,
      ttl: parsed.ttl,
      now,
      ...(parsed.nip === undefined ? {} : { nip: parsed.nip }),
      ...(config.auth.issuer === undefined ? {} : { issuer: config.auth.issuer }),
      ...(config.auth.audience === undefined ? {} : { audience: config.auth.audience }),
    });
    io.stdout.write(`${token}\n`);
    const until = formatWita(new Date(now.getTime() + seconds * 1000).toISOString());
    io.stderr.write(
      `Token for ${sub} as ${roles.join(', ')}, valid until ${until}. Send it as\n` +
        `  Authorization: Bearer <token>\n`,
    );
    return 0;
  },
};
