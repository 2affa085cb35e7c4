import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkpointAll } from '@jejak/audit';
import { EVENT_STORE, type EventStore } from '@jejak/event-store';
import { aTestSigner } from '../../libs/audit/src/testing/test-signer.js';
import { launchChromium, watchConsole } from './support/chromium.js';
import { buildDashboard, startDashboardApp, type DashboardApp } from './support/dashboard-app.js';
import { startPrefixProxy, type PrefixProxy } from './support/prefix-proxy.js';

// The dashboard where operators put it: behind a reverse proxy that serves it under a path prefix
// and strips it (every URL the page builds must stay under the prefix), and on a 375 px phone
// (the state diagram fits the width: no sideways scrolling).

jest.setTimeout(120_000);

const PREFIX = '/jejak';

let server: DashboardApp;
let proxy: PrefixProxy;
let browser: Browser;
/** A selection opened over plain HTTP, for the phone test. */
let phoneSelectionId = '';

async function openContext(width: number, height: number) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'id-ID' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page, consoleWatch: watchConsole(page) };
}

async function signIn(page: Page, base: string, role: string): Promise<void> {
  await page.goto(`${base}/ui/`);
  await page.locator(`button[data-role="${role}"]`).click();
  await page.locator('h1', { hasText: 'Daftar seleksi' }).waitFor();
}

beforeAll(async () => {
  buildDashboard();
  browser = await launchChromium();
  server = await startDashboardApp();
  proxy = await startPrefixProxy(server.baseUrl, PREFIX);
  const post = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as Record<string, string>;
  };
  const { token } = await post('/auth/demo-token', { role: 'SEKRETARIAT' });
  const opened = await post(
    '/selections',
    { kind: 'jptp-open-selection', title: 'Seleksi di layar ponsel' },
    token,
  );
  phoneSelectionId = opened['id'] ?? '';
});

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await server?.close();
});

describe('dashboard behind a reverse proxy that strips a path prefix', () => {
  let context: BrowserContext;
  afterAll(() => context?.close());

  it('redirects /prefix/ and /prefix/ui to /prefix/ui/ (relative locations keep the prefix)', async () => {
    for (const entry of [`${PREFIX}/`, `${PREFIX}/ui`]) {
      const response = await fetch(`${proxy.url}${entry}`);
      expect(response.status).toBe(200);
      expect(response.url).toBe(`${proxy.url}${PREFIX}/ui/`);
    }
    expect(proxy.seen.filter((path) => !path.startsWith(`${PREFIX}/`))).toEqual([]);
  });

  it('loads, signs in and opens a selection with every request under the prefix', async () => {
    const opened = await openContext(1366, 768);
    context = opened.context;
    const { page, consoleWatch } = opened;
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));

    const base = `${proxy.url}${PREFIX}`;
    await signIn(page, base, 'SEKRETARIAT');
    await page.locator('a.button', { hasText: 'Buka seleksi baru' }).click();
    await page.check('input[name="kind"][value="jptp-open-selection"]');
    await page.fill('#f-title', 'Seleksi di balik proxy');
    await page.getByRole('button', { name: 'Kirim' }).click();
    const article = page.locator('article[data-selection-id]');
    await article.waitFor();
    const selectionId = (await article.getAttribute('data-selection-id')) ?? '';
    expect(selectionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.textContent('#selection-state')).toBe('Perencanaan');
    await page.locator('figure.diagram svg .node-current').waitFor();

    const fetched = requested.filter((url) => url.startsWith('http'));
    // The page, its modules and styles, the config, the OpenAPI document and the API calls.
    expect(fetched).toEqual(
      expect.arrayContaining([
        `${base}/ui/`,
        `${base}/ui/styles.css`,
        `${base}/ui/app/main.js`,
        `${base}/ui/config.json`,
        `${base}/docs-json`,
        `${base}/auth/demo-token`,
        `${base}/selections/${selectionId}`,
      ]),
    );
    expect(fetched.filter((url) => !url.startsWith(`${base}/`))).toEqual([]);
    expect(proxy.seen.filter((path) => !path.startsWith(`${PREFIX}/`))).toEqual([]);
    expect(consoleWatch.errors).toEqual([]);
  });
});

describe('dashboard on a 375 px phone', () => {
  let context: BrowserContext;
  afterAll(() => context?.close());

  it('lays the state diagram out to fit the width: no horizontal overflow, boxes still legible', async () => {
    expect(phoneSelectionId).toMatch(/^[0-9a-f-]{36}$/);
    const opened = await openContext(375, 812);
    context = opened.context;
    const { page, consoleWatch } = opened;
    await signIn(page, server.baseUrl, 'SEKRETARIAT');
    await page.goto(`${server.baseUrl}/ui/#/seleksi/${phoneSelectionId}`);
    await page.locator('figure.diagram svg .node-current').waitFor();

    // The root tsconfig has no DOM types: the measurements run as page script text.
    const measured = await page.evaluate<Record<string, number | string>>(`(() => {
      const figure = document.querySelector('figure.diagram');
      const scroll = figure.querySelector('.diagram-scroll');
      const svg = figure.querySelector('svg').getBoundingClientRect();
      const box = figure.querySelector('.node rect').getBoundingClientRect();
      return {
        perRow: figure.dataset.perRow,
        scrollOverflow: scroll.scrollWidth - scroll.clientWidth,
        figureOverflow: figure.scrollWidth - figure.clientWidth,
        svgLeft: svg.left,
        svgRight: svg.right,
        boxWidth: box.width,
        pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
      };
    })()`);
    expect(measured).toMatchObject({ perRow: '2', scrollOverflow: 0, figureOverflow: 0 });
    expect(measured.svgLeft as number).toBeGreaterThanOrEqual(0);
    expect(measured.svgRight as number).toBeLessThanOrEqual(375);
    // Two boxes a row keep them near their drawn size (150 user units), not scaled to a smudge.
    expect(measured.boxWidth as number).toBeGreaterThan(120);
    expect(measured.pageOverflow as number).toBeLessThanOrEqual(0);
    mkdirSync(join('test', 'artifacts'), { recursive: true });
    await page.locator('figure.diagram').screenshot({
      path: join('test', 'artifacts', 'selection-diagram-375px.png'),
    });
    expect(consoleWatch.errors).toEqual([]);
  });
});

describe('dashboard audit page after a signing key rotation', () => {
  let context: BrowserContext;
  afterAll(() => context?.close());

  it('says how many checkpoints are signed by a key the server does not trust', async () => {
    // A key the server does not hold nor list in AUDIT_TRUSTED_PUBLIC_KEYS (e.g. rotated away).
    const store = server.app.get<EventStore>(EVENT_STORE);
    await checkpointAll(store, aTestSigner(), '2024-05-25T00:00:00.000Z');
    const opened = await openContext(1366, 768);
    context = opened.context;
    const { page, consoleWatch } = opened;
    await signIn(page, server.baseUrl, 'AUDITOR');
    await page.goto(`${server.baseUrl}/ui/#/seleksi/${phoneSelectionId}/audit`);
    await page.click('#verify-button');
    await page.locator('#verify-result [data-ok="true"]').waitFor();
    expect(await page.getAttribute('#verify-result [data-unverified]', 'data-unverified')).toBe(
      '1',
    );
    expect(await page.textContent('#verify-result')).toContain(
      '1 checkpoint ditandatangani kunci yang tidak dipercaya di sini',
    );
    expect(consoleWatch.errors).toEqual([]);
  });
});
