import { randomUUID } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { buildApi, runApi } from './built-app.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

/**
 * The CLI as a newcomer runs it: `bin/jejak.js` (the package's `bin`, what `npx jejak` and
 * `npm run jejak` start) in an installation whose `dist` is built, from other directories and
 * into pipes.
 */
describe('the jejak command line, installed and built', () => {
  let build: ReturnType<typeof buildApi>;
  let install: string;
  let elsewhere: string;
  const prefix = `jejak-test-cli-${randomUUID().slice(0, 8)}`;
  const base = () => ({ PATH: process.env.PATH ?? '', REDIS_URL, REMINDER_QUEUE_PREFIX: prefix });

  beforeAll(() => {
    build = buildApi();
    // The build directory becomes an installation: a package.json named jejak, the launcher in
    // bin/, the compiled files as its dist/.
    install = join(build.entry, '..', '..', '..', '..');
    writeFileSync(
      join(install, 'package.json'),
      JSON.stringify({ name: 'jejak', type: 'module', bin: { jejak: 'bin/jejak.js' } }),
    );
    mkdirSync(join(install, 'bin'));
    copyFileSync(join(ROOT, 'bin', 'jejak.js'), join(install, 'bin', 'jejak.js'));
    symlinkSync('.', join(install, 'dist'));
    elsewhere = mkdtempSync(join(tmpdir(), 'jejak-elsewhere-'));
  }, 90_000);
  afterAll(async () => {
    build.remove();
    rmSync(elsewhere, { recursive: true, force: true });
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('run from another directory, signs with the secret of the service started in the installation, and says which data directory it uses', async () => {
    const api = runApi(build.entry, install, { ...base(), PORT: '0' });
    try {
      const [, url] = await api.waitFor(/listening on (http:\/\/[^\s"]+)/);
      const cli = runApi(join(install, 'bin', 'jejak.js'), elsewhere, base(), [
        'token',
        '--role',
        'AUDITOR',
        '--sub',
        'bpk',
        '--name',
        'Auditor BPK',
      ]);
      expect(await cli.exited).toEqual({ code: 0, signal: null });
      const token = cli.stdout().trim();
      expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(cli.stderr()).toContain(`using the service's data directory ${join(install, 'data')}`);
      expect(cli.stderr()).not.toContain('compiling');
      expect(existsSync(join(elsewhere, 'data'))).toBe(false);
      const list = await fetch(`${url}/selections`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(list.status).toBe(200);
    } finally {
      api.child.kill('SIGTERM');
    }
    await api.exited;
  }, 90_000);

  it('writes no colour codes into pipes: stdout is the JSON result alone, stderr plain lines', async () => {
    const cli = runApi(join(install, 'bin', 'jejak.js'), elsewhere, base(), [
      'reminders',
      'rebuild',
      '--prefix',
      `${prefix}-pipe`, // a new prefix: the rebuild logs that Redis holds no jobs yet
    ]);
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).not.toMatch(ANSI);
    expect(cli.stderr()).not.toMatch(ANSI);
    expect(cli.stdout().trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(cli.stdout())).toEqual({
      selections: expect.any(Number),
      jobs: expect.any(Number),
    });
    expect(cli.stderr()).toContain('[Reminders] Reminder jobs are not in Redis yet');
    expect(cli.stderr()).toMatch(/reminder jobs for \d+ selections/);
  }, 90_000);
});
