import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

/** The flags every browser test runs Chromium with (no sandbox in containers, no network chatter). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Debian's chromium on the PATH (`command -v chromium`); never a downloaded browser. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  let path: string;
  try {
    path = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8', env }).trim();
  } catch {
    path = '';
  }
  if (path === '') {
    throw new Error(
      'Chromium is not installed: the browser tests need Debian\'s chromium on the PATH ' +
        '(apt-get install -y chromium; CI installs it because .ci/browser exists). ' +
        'playwright-core never downloads a browser here.',
    );
  }
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/** A network failure the test provokes on purpose (e.g. a 422), allowed once per entry. */
export type ExpectedFailure = { status: number; urlIncludes: string };

/**
 * Collects every console error and uncaught page error. Chromium logs each 4xx/5xx response as a
 * console error ("Failed to load resource"): only those the test declared with `expect` are
 * allowed, each as many times as declared; anything else is a failure.
 */
export function watchConsole(page: Page) {
  const errors: string[] = [];
  const expected: ExpectedFailure[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const url = message.location().url;
    const status = /status of (\d{3})/.exec(text)?.[1];
    const index = expected.findIndex(
      (e) => status !== undefined && Number(status) === e.status && url.includes(e.urlIncludes),
    );
    if (index >= 0) {
      expected.splice(index, 1);
      return;
    }
    errors.push(`console error: ${text} (${url})`);
  };
  page.on('console', onConsole);
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return {
    errors,
    expect: (failure: ExpectedFailure) => expected.push(failure),
    /** Declared failures that never happened (the test expected a 422 that did not come). */
    unmet: () => [...expected],
  };
}
