import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadApiConfig, type Env } from '../../../apps/api/src/api.config.js';
import { createApp } from '../../../apps/api/src/create-app.js';

const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Builds apps/dashboard into apps/dashboard/dist, as `npm run build` does. */
export function buildDashboard(): void {
  execFileSync(process.execPath, [join('apps', 'dashboard', 'build.mjs')], { stdio: 'pipe' });
}

export type DashboardApp = {
  app: NestFastifyApplication;
  baseUrl: string;
  /** The data directory (the generated jwt-secret is there). */
  dataDir: string;
  close: () => Promise<void>;
};

/**
 * The real app as `npm start` runs it (createApp, demo sign-in opted in), embedded store in a temp
 * directory, no JWT_SECRET, on loopback (so demo sign-in is on), the real Redis, on a random port.
 */
export async function startDashboardApp(env: Env = {}): Promise<DashboardApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jejak-browser-'));
  const config = loadApiConfig({
    DEMO_SIGN_IN: 'on',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    REDIS_URL: TEST_REDIS_URL,
    LOG_LEVEL: 'warn',
    ...env,
  });
  const app = await createApp(config);
  try {
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app.close();
    throw error;
  }
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace(/\/$/, '');
  return {
    app,
    baseUrl,
    dataDir,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
