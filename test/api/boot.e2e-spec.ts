import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp } from '../support/test-app.js';
import { buildApi, runApi } from './built-app.js';
import { ProbeModule } from './probe.module.js';

describe('booting the API', () => {
  describe('embedded mode without JWT_SECRET (in process)', () => {
    let dataDir: string;
    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'jejak-boot-'));
    });
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('generates the secret once into DATA_DIR/jwt-secret (0600), never logs it, and keeps it across restarts', async () => {
      const first = await startTestApp({
        dataDir,
        env: { JWT_SECRET: '' },
        imports: [ProbeModule],
      });
      const path = join(dataDir, 'jwt-secret');
      let token: string;
      let secret: string;
      try {
        secret = readFileSync(path, 'utf8').trim();
        expect(statSync(path).mode & 0o777).toBe(0o600);
        token = await first.tokenFor('PPK', { sub: 'gubernur', name: 'Gubernur NTT' });
        await first.http().get('/probe/whoami').auth(token, { type: 'bearer' }).expect(200);
        expect(JSON.stringify(first.logs)).not.toContain(secret);
      } catch (error) {
        await first.close();
        throw error;
      }

      const second = await first.restart();
      try {
        expect(readFileSync(path, 'utf8').trim()).toBe(secret);
        await second.http().get('/probe/whoami').auth(token, { type: 'bearer' }).expect(200, {
          sub: 'gubernur',
          name: 'Gubernur NTT',
          role: 'PPK',
        });
        expect(JSON.stringify(second.logs)).not.toContain(secret);
      } finally {
        await second.close();
      }
    }, 60_000);
  });

  describe('the built app, as `npm start` runs it', () => {
    let build: ReturnType<typeof buildApi>;
    let cwd: string;
    beforeAll(() => {
      // Compiling takes a few seconds, more on a busy machine.
      build = buildApi();
      cwd = mkdtempSync(join(tmpdir(), 'jejak-start-'));
    }, 60_000);
    afterAll(() => {
      build.remove();
      rmSync(cwd, { recursive: true, force: true });
    });

    // No configuration but PORT=0 (any free port, so the test never collides with a running
    // jejak on 3000): the embedded store and the secret land in ./data of the working directory.
    it('starts with no configuration, prints the URLs and how to get a token, accepts the CLI token, and stops cleanly on SIGTERM', async () => {
      const env = { PATH: process.env.PATH ?? '', PORT: '0' };
      const run = runApi(build.entry, cwd, env);
      try {
        const [, base] = await run.waitFor(/listening on (http:\/\/[^\s"]+)/);
        expect(run.output()).toContain(`API docs:  ${base}/docs`);
        expect(run.output()).toContain(`dashboard: ${base}/ui/`);
        expect(run.output()).toContain('npx jejak token --role');
        // stdout is a pipe: JSON lines, each message on its line (no `\n` inside a message).
        const lines = run.stdout().trim().split('\n');
        for (const line of lines) {
          const entry = JSON.parse(line) as { msg?: string };
          expect(entry.msg ?? '').not.toContain('\n');
        }
        expect(lines.length).toBeGreaterThanOrEqual(6);
        const health = await fetch(`${base}/health/live`);
        expect(health.status).toBe(200);
        expect((await fetch(`${base}/docs-json`)).status).toBe(200);
        expect((await fetch(`${base}/health/nope`)).status).toBe(404);
        expect(statSync(join(cwd, 'data', 'jwt-secret')).mode & 0o777).toBe(0o600);
        expect(statSync(join(cwd, 'data', 'jejak.db')).isFile()).toBe(true);
        const secret = readFileSync(join(cwd, 'data', 'jwt-secret'), 'utf8').trim();
        expect(run.output()).not.toContain(secret);

        // The token the CLI prints (same directory, same configuration) opens the API.
        expect((await fetch(`${base}/selections`)).status).toBe(401);
        const cli = runApi(build.cli, cwd, env, [
          'token',
          '--role',
          'AUDITOR',
          '--sub',
          'bpk',
          '--name',
          'Auditor BPK',
        ]);
        expect(await cli.exited).toEqual({ code: 0, signal: null });
        const [token] = cli.output().split('\n');
        const list = await fetch(`${base}/selections`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(list.status).toBe(200);
      } finally {
        run.child.kill('SIGTERM');
      }
      await expect(run.exited).resolves.toEqual({ code: 0, signal: null });
      expect(run.output()).toContain('SIGTERM: finishing in-flight requests');
    }, 60_000);

    it('refuses to start on an invalid value, naming every variable at fault', async () => {
      const run = runApi(build.entry, cwd, {
        PATH: process.env.PATH ?? '',
        PORT: 'eighty',
        EVENT_STORE: 'postgres',
        LOG_LEVEL: 'loud',
      });
      const { code } = await run.exited;
      expect(code).toBe(1);
      for (const variable of ['PORT', 'DATABASE_URL', 'JWT_SECRET', 'LOG_LEVEL']) {
        expect(run.output()).toContain(`${variable}:`);
      }
      expect(run.output()).not.toContain('listening on');
    }, 60_000);
  });
});
