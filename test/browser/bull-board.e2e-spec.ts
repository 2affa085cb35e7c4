import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { JWT_SECRET_FILE, signToken } from '@jejak/auth';
import type { Role } from '@jejak/workflows';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, watchConsole } from './support/chromium.js';
import { buildDashboard, startDashboardApp, type DashboardApp } from './support/dashboard-app.js';

// A newcomer's machine: nothing answers at REDIS_URL, so the app runs its private redis-server.
// The dashboard shows no "reminders paused" banner (that Redis is the one /health pings), and an
// ADMIN reaches Bull Board from the dashboard: the sign-in trades the token for an HttpOnly,
// SameSite=Strict cookie scoped to /admin, which a browser sends on its own.

jest.setTimeout(120_000);

let server: DashboardApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleWatch: ReturnType<typeof watchConsole>;

async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function tokenFor(roles: Role[]): Promise<string> {
  const secret = readFileSync(join(server.dataDir, JWT_SECRET_FILE), 'utf8').trim();
  return signToken({
    secret,
    sub: 'operator',
    name: 'Operator BKD',
    roles,
    ttl: '1h',
    now: new Date(),
  });
}

/** Signs in through the dashboard's form and waits for what the role lands on. */
async function signInWith(token: string, landed = 'h1:has-text("Daftar seleksi")'): Promise<void> {
  await page.goto(`${server.baseUrl}/ui/#/masuk`);
  await page.fill('#token', token);
  await page.locator('form button[type="submit"]').click();
  await page.locator(landed).first().waitFor();
}

beforeAll(async () => {
  buildDashboard();
  browser = await launchChromium();
  server = await startDashboardApp({ REDIS_URL: `redis://127.0.0.1:${await unusedPort()}` });
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  consoleWatch = watchConsole(page);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('Bull Board from the dashboard, on the private redis-server', () => {
  it('shows no reminders-paused banner: /health pings the Redis in use', async () => {
    const health = await fetch(`${server.baseUrl}/health`);
    expect(health.status).toBe(200);
    const checked = page.waitForResponse((response) => response.url().endsWith('/health'));
    await signInWith(await tokenFor(['SEKRETARIAT']));
    expect((await checked).status()).toBe(200);
    expect(await page.locator('#health-banner').count()).toBe(0);
    // Not an ADMIN: no link to the queues.
    expect(await page.locator('#admin-queues').count()).toBe(0);
  });

  it('signs an ADMIN in to Bull Board through the dashboard with an HttpOnly, SameSite=Strict cookie on /admin', async () => {
    const token = await tokenFor(['ADMIN']);
    await page.getByRole('button', { name: /^(Keluar|Sign out)$/ }).click();
    // ADMIN reads no selection (security/read-roles.ts): the header's queue link is what it gets.
    await signInWith(token, '#admin-queues');
    const session = page.waitForResponse((response) => response.url().endsWith('/admin/session'));
    await page.locator('#admin-queues').click();
    expect((await session).status()).toBe(204);
    await page.waitForURL(/\/admin\/queues/);
    await page.getByText('jejak reminders').first().waitFor();
    await page.getByText('reminders', { exact: true }).first().waitFor();
    expect(page.url()).toBe(`${server.baseUrl}/admin/queues`);

    const cookies = await context.cookies(server.baseUrl + '/admin/queues');
    expect(cookies).toEqual([
      expect.objectContaining({
        name: 'jejak_admin',
        value: token,
        path: '/admin',
        httpOnly: true,
        sameSite: 'Strict',
      }),
    ]);
    expect(await context.cookies(`${server.baseUrl}/ui/`)).toEqual([]);
    // Scripts cannot read it.
    expect(await page.evaluate('document.cookie')).toBe('');
    // The board's own API calls ride on the cookie too.
    const queues = await page.evaluate(async () => (await fetch('api/queues')).status);
    expect(queues).toBe(200);
    // Bull Board's own page asks Google Fonts for its typeface (no network here), and ADMIN's list
    // of selections is refused (403: ADMIN reads no selection); nothing else fails.
    expect(
      consoleWatch.errors.filter(
        (error) =>
          !error.includes('fonts.googleapis.com') && !/403 .*\/selections\?page=/.test(error),
      ),
    ).toEqual([]);
  });

  it('refuses the cookie route to a token without ADMIN, and the board without any', async () => {
    const answer = await fetch(`${server.baseUrl}/admin/session`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor(['PPK'])}` },
    });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect((await fetch(`${server.baseUrl}/admin/queues`)).status).toBe(401);
    const forged = await fetch(`${server.baseUrl}/admin/queues`, {
      headers: { cookie: 'jejak_admin=not-a-token' },
    });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
  });
});
