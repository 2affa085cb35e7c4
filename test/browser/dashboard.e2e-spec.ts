import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { launchChromium, watchConsole } from './support/chromium.js';
import { buildDashboard, startDashboardApp, type DashboardApp } from './support/dashboard-app.js';

// The dashboard in a real Chromium against the real app: a JPTP selection driven from sign-in to
// the announcement by the roles of the workflows' table (SEKRETARIAT, PPK, PANSEL), a rule broken
// on the way (its citation shown in the form), the list, the selection and the audit trail.
// Screenshots go to test/artifacts/ (git-ignored). Any console error fails the test.

jest.setTimeout(180_000);

const ARTIFACTS = join('test', 'artifacts');
const WITA_MS = 8 * 60 * 60 * 1000;
const witaToday = (offsetDays = 0) =>
  new Date(Date.now() + WITA_MS + offsetDays * 86_400_000).toISOString().slice(0, 10);

let server: DashboardApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleWatch: ReturnType<typeof watchConsole>;
let selectionId = '';

async function signInAs(role: string): Promise<void> {
  const signOut = page.getByRole('button', { name: /^(Keluar|Sign out)$/ });
  if (await signOut.isVisible()) await signOut.click();
  await page.locator(`button[data-role="${role}"]`).click();
  await page.locator('h1', { hasText: 'Daftar seleksi' }).waitFor();
}

async function openSelection(): Promise<void> {
  await page.goto(`${server.baseUrl}/ui/#/seleksi/${selectionId}`);
  await page.locator(`article[data-selection-id="${selectionId}"]`).waitFor();
}

/** Opens a command's form from the selection page's actions (only the role's commands are there). */
async function openCommand(type: string): Promise<void> {
  await openSelection();
  await page.locator(`a[data-command="${type}"]`).click();
  await page.locator('h1 .command-name', { hasText: type }).waitFor();
}

/** Submits the form and waits for the selection page with the success notice. */
async function submitAndExpectRecorded(): Promise<void> {
  await page.getByRole('button', { name: /^(Kirim|Submit)$/ }).click();
  await page.locator('.notice-success').waitFor();
  await page.locator(`article[data-selection-id="${selectionId}"]`).waitFor();
}

async function fillDocument(prefix: string, doc: Record<string, string>): Promise<void> {
  for (const [field, value] of Object.entries(doc)) {
    await page.fill(`#f-${prefix}-${field}`, value);
  }
}

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  buildDashboard();
  browser = await launchChromium();
  server = await startDashboardApp();
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

describe('dashboard in Chromium (real app, embedded store, real Redis)', () => {
  it('serves the dashboard at / on the API port and signs in as a role (demo, embedded without a secret)', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.locator('h1', { hasText: 'Masuk' }).waitFor();
    expect(page.url()).toBe(`${server.baseUrl}/ui/`);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    // Keyboard: the first Tab reaches the skip link.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.className')).toBe('skip');
    await signInAs('SEKRETARIAT');
  });

  it('opens a JPTP selection and records two vacancies, the basis and the end of planning as SEKRETARIAT', async () => {
    await page.locator('a.button', { hasText: 'Buka seleksi baru' }).click();
    await page.check('input[name="kind"][value="jptp-open-selection"]');
    await page.fill('#f-title', 'Seleksi Terbuka JPT Pratama Pemprov NTT (uji peramban)');
    await page.getByRole('button', { name: 'Kirim' }).click();
    const article = page.locator('article[data-selection-id]');
    await article.waitFor();
    selectionId = (await article.getAttribute('data-selection-id')) ?? '';
    expect(selectionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.textContent('#selection-state')).toBe('Perencanaan');

    const vacancies = [
      { id: 'dishub-kepala', title: 'Kepala Dinas Perhubungan', unit: 'Dinas Perhubungan' },
      { id: 'bkd-kepala', title: 'Kepala Badan Keuangan Daerah', unit: 'Badan Keuangan Daerah' },
    ];
    for (const vacancy of vacancies) {
      await openCommand('RegisterVacancy');
      await page.fill('#f-vacancyId', vacancy.id);
      await page.fill('#f-title', vacancy.title);
      await page.fill('#f-unit', vacancy.unit);
      await page.fill('#f-eselon', 'II.b');
      await page.selectOption('#f-status', 'LOWONG');
      await submitAndExpectRecorded();
    }
    expect(await page.locator('table.vacancies tbody tr').count()).toBe(2);

    await openCommand('RecordOpenSelectionBasis');
    await page.fill(
      '#f-reason',
      'PP 11/2017 Pasal 130 ayat (2): penataan tidak memperoleh calon dengan kompetensi sesuai',
    );
    await submitAndExpectRecorded();

    await openCommand('CompleteStage');
    await page.selectOption('#f-stage', 'planning');
    await submitAndExpectRecorded();
    expect(await page.textContent('#selection-state')).toBe('Persiapan');
  });

  it('shows a field error next to the field for a 400 and records the Mendagri and KASN letters', async () => {
    await openCommand('RecordMendagriApproval');
    // Nothing filled in: the API's 400 names each field, shown beside it.
    consoleWatch.expect({ status: 400, urlIncludes: '/commands/RecordMendagriApproval' });
    await page.getByRole('button', { name: 'Kirim' }).click();
    await page.locator('#form-problem[data-status="400"]').waitFor();
    expect(await page.getAttribute('#f-document-number', 'aria-invalid')).toBe('true');
    await page.locator('#f-document-number-error').waitFor();

    await fillDocument('document', {
      issuer: 'MENDAGRI',
      number: '100.2.1.3/2147/SJ',
      date: '2024-05-06',
      subject: 'Persetujuan Pelaksanaan Seleksi Terbuka JPT Pratama Provinsi NTT',
    });
    // The signed letter as an evidence file: uploaded when picked, then named by its hash.
    await page.setInputFiles('#f-document-files', {
      name: 'persetujuan-mendagri.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% surat persetujuan Mendagri\n%%EOF\n'),
    });
    await page.locator('.file-line', { hasText: 'PDF' }).waitFor();
    await page.selectOption('#f-purpose', 'SELECTION');
    await submitAndExpectRecorded();

    await openCommand('RecordSupervisoryRecommendation');
    await fillDocument('document', {
      issuer: 'KASN',
      number: 'B-1626/JP.00.00/05/2024',
      date: '2024-05-08',
      subject: 'Rekomendasi Rencana Seleksi Terbuka JPT Pratama Provinsi NTT',
    });
    await page.selectOption('#f-purpose', 'PLAN');
    await submitAndExpectRecorded();
  });

  it('as PPK, a Pansel of four breaks A-PANSEL: the form lists the rule with its citation; five members are accepted', async () => {
    await signInAs('PPK');
    await openCommand('FormPansel');
    await fillDocument('decree', {
      issuer: 'GUBERNUR',
      number: '816.2.1/128/BKD.3.2',
      date: '2024-05-13',
      subject: 'Pembentukan Panitia Seleksi JPT Pratama',
    });
    const members = [
      { name: 'Prof. Dr. Frans Salesman', internal: false },
      { name: 'Dr. Maria Goreti', internal: false },
      { name: 'Ir. Yohanes Bosco', internal: true },
      { name: 'Dra. Agustina Lende', internal: false },
      { name: 'Drs. Benediktus Polo', internal: true },
    ];
    const add = async (index: number) => {
      await page.click('#f-members-add');
      await page.fill(`#f-members-${index}-name`, members[index]!.name);
      if (members[index]!.internal) await page.check(`#f-members-${index}-internal`);
    };
    for (let i = 0; i < 4; i += 1) await add(i);

    consoleWatch.expect({ status: 422, urlIncludes: '/commands/FormPansel' });
    await page.getByRole('button', { name: 'Kirim' }).click();
    const violation = page.locator('#form-problem[data-status="422"] li[data-rule="A-PANSEL"]').first();
    await violation.waitFor();
    expect(await violation.locator('cite.citation').textContent()).toMatch(/\S/);
    await screenshot('form-rule-violation');

    await add(4);
    await submitAndExpectRecorded();
  });

  it('as PANSEL (PublishAnnouncement is PANSEL\'s in the role table), publishes the announcement: registration opens', async () => {
    await signInAs('PANSEL');
    await openCommand('PublishAnnouncement');
    await fillDocument('announcement', {
      issuer: 'PANSEL JPT PRATAMA',
      number: 'PENG-01/PANSEL-JPTP/2026',
      date: witaToday(),
      subject: 'Pengumuman Seleksi Terbuka JPT Pratama',
    });
    await page.fill('#f-registrationOpensOn', witaToday());
    await page.fill('#f-registrationClosesOn', witaToday(20));
    await submitAndExpectRecorded();
    expect(await page.textContent('#selection-state')).toBe('Pendaftaran');
    await page.locator('.node-current[data-state="registration"]').waitFor();
    await page.locator('ul.deadlines li').first().waitFor();
    await screenshot('selection');
  });

  it('explains a 409: a command the state does not accept names what can be done first', async () => {
    await signInAs('SEKRETARIAT');
    await page.goto(`${server.baseUrl}/ui/#/seleksi/${selectionId}/perintah/RegisterVacancy`);
    await page.locator('h1 .command-name', { hasText: 'RegisterVacancy' }).waitFor();
    await page.fill('#f-vacancyId', 'late-post');
    await page.fill('#f-title', 'Kepala Biro Umum');
    await page.fill('#f-unit', 'Sekretariat Daerah');
    await page.fill('#f-eselon', 'II.b');
    await page.selectOption('#f-status', 'LOWONG');
    consoleWatch.expect({ status: 409, urlIncludes: '/commands/RegisterVacancy' });
    await page.getByRole('button', { name: 'Kirim' }).click();
    const problem = page.locator('#form-problem[data-status="409"]');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('status Pendaftaran');
    expect(await problem.textContent()).toContain('SubmitApplication');

    // The selection as the Sekretariat sees it in registration (docs/dashboard.png is one of these).
    await openSelection();
    await page.locator('#actions a[data-command="SubmitApplication"]').waitFor();
    await screenshot('selection-sekretariat');
  });

  it('lists the selection with its new stage, progress, filled posts and next deadline (read model)', async () => {
    const row = page.locator(`tr[data-selection-id="${selectionId}"]`);
    // The list is a projection: reload until it has caught up with the last event.
    for (let attempt = 0; attempt < 100; attempt += 1) {
      await page.goto(`${server.baseUrl}/ui/#/`);
      await page.locator('h1', { hasText: 'Daftar seleksi' }).waitFor();
      await page.locator('table.selections, p.muted').first().waitFor();
      if ((await row.count()) === 1 && (await row.locator('.state').textContent()) === 'Pendaftaran') break;
    }
    expect(await row.locator('.state').textContent()).toBe('Pendaftaran');
    expect(await row.locator('progress').getAttribute('value')).toBe('3');
    expect(await row.textContent()).toContain('tahap 3 dari 11');
    expect(await row.locator('td.num').textContent()).toMatch(/0\s*\/\s*2/);
    expect(await row.textContent()).toMatch(/hari kerja lagi/);
    await screenshot('list');

    // Phone width: the list still fits (no horizontal scrolling of the page).
    await page.setViewportSize({ width: 390, height: 844 });
    const overflowing = await page.evaluate(`[...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((e) => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))`);
    expect(overflowing).toEqual([]);
    await screenshot('list-phone');
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('switches to English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Selections' }).waitFor();
    // <html lang> follows in an effect after the render.
    await page.waitForFunction("document.documentElement.lang === 'en'");
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.locator('h1', { hasText: 'Daftar seleksi' }).waitFor();
  });

  it('as AUDITOR, reads the audit trail and verifies the hash chain', async () => {
    await signInAs('AUDITOR');
    await openSelection();
    expect(await page.textContent('#actions-title + p')).toContain('hanya membaca');
    await page.locator('a', { hasText: 'Jejak audit' }).click();
    await page.locator('table.timeline tbody tr').first().waitFor();
    const rows = await page.locator('table.timeline tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(9);
    expect(await page.locator('table.timeline').textContent()).toContain('PPK');
    // The Mendagri letter: number, date, issuer, and its file to download (as AUDITOR).
    const letter = page.locator('table.timeline li', { hasText: '100.2.1.3/2147/SJ' });
    expect(await letter.textContent()).toContain('MENDAGRI 100.2.1.3/2147/SJ (2024-05-06)');
    const file = page.waitForEvent('download');
    await letter.locator('button', { hasText: 'Unduh berkas 1' }).click();
    expect((await file).suggestedFilename()).toMatch(/^[0-9a-f]{64}\.pdf$/);
    await page.click('#verify-button');
    await page.locator('#verify-result [data-ok="true"]').waitFor();
    expect(await page.textContent('#verify-result')).toContain('Rantai utuh');
    await screenshot('audit');

    // Exports: the CSV and the JSON bundle download; the printable HTML opens in a new tab.
    for (const format of ['csv', 'json'] as const) {
      const download = page.waitForEvent('download');
      await page.click(`button[data-format="${format}"]`);
      expect((await download).suggestedFilename()).toBe(`jejak-${selectionId}.${format}`);
    }
    const popup = context.waitForEvent('page');
    await page.click('button[data-format="html"]');
    const report = await popup;
    await report.waitForLoadState();
    expect(await report.locator('body').textContent()).toContain(selectionId.slice(0, 8));
    await report.close();
  });

  it('labels every form control (a nested form: the planned schedule) and logged no console error', async () => {
    await signInAs('SEKRETARIAT');
    await openCommand('SetPlannedSchedule');
    // Every control has a <label> (or an aria-label); the root tsconfig has no DOM types, so the
    // check runs as page script text.
    const unlabeled = await page.evaluate(`[...document.querySelectorAll('input, select, textarea')]
      .filter((c) => c.type !== 'hidden' && c.labels.length === 0 && !c.getAttribute('aria-label'))
      .map((c) => c.id || c.outerHTML.slice(0, 80))`);
    expect(await page.locator('input, select, textarea').count()).toBeGreaterThan(5);
    expect(unlabeled).toEqual([]);
    expect(consoleWatch.errors).toEqual([]);
    expect(consoleWatch.unmet()).toEqual([]);
  });
});

describe('dashboard on the server', () => {
  let secured: TestApp;

  beforeAll(async () => {
    // The usual test app: JWT_SECRET configured, so no demo sign-in.
    secured = await startTestApp();
  });

  afterAll(async () => {
    await secured?.close();
  });

  it('serves the built files under /ui/ with a strict CSP, and / redirects there', async () => {
    // Relative, so a proxy's path prefix survives: /prefix/ -> /prefix/ui/.
    await secured.http().get('/').expect(302).expect('location', 'ui/');
    await secured.http().get('/ui').expect(301).expect('location', 'ui/');
    const index = await secured.http().get('/ui/').expect(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.text).toContain('app/main.js');
    await secured.http().get('/ui/app/main.js').expect(200).expect('content-type', /javascript/);
    await secured.http().get('/ui/vendor/preact.js').expect(200);
  });

  it('refuses demo sign-in when a secret is configured (404), and says so in /ui/config.json', async () => {
    const config = await secured.http().get('/ui/config.json').expect(200);
    expect(config.body).toMatchObject({ demoSignIn: false, demoRoles: [] });
    const refused = await secured.http().post('/auth/demo-token').send({ role: 'PPK' }).expect(404);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('on the embedded server without a secret, gives a short-lived token for a person role only', async () => {
    const post = (body: unknown) =>
      fetch(`${server.baseUrl}/auth/demo-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ role: 'SYSTEM' })).status).toBe(400);
    expect((await post({ role: 'ADMIN' })).status).toBe(400);
    expect((await post({})).status).toBe(400);
    const granted = await post({ role: 'AUDITOR' });
    expect(granted.status).toBe(201);
    const { token, expiresIn, sub } = (await granted.json()) as { token: string; expiresIn: number; sub: string };
    expect(expiresIn).toBeLessThanOrEqual(2 * 60 * 60);
    expect(sub).toBe('demo-auditor');
    const list = await fetch(`${server.baseUrl}/selections`, { headers: { authorization: `Bearer ${token}` } });
    expect(list.status).toBe(200);
    // A demo token is an AUDITOR's: reads, never writes.
    const write = await fetch(`${server.baseUrl}/selections`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'jptp-open-selection', title: 'x' }),
    });
    expect(write.status).toBe(403);
  });
});
