import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build` (apps/dashboard/build.mjs) writes the dashboard, from the repo root. */
export const DASHBOARD_BUILD_DIR = join('apps', 'dashboard', 'dist');

/**
 * The built dashboard's directory, found by walking up from this module: from the sources
 * (apps/api/src/dashboard, tests) and from the build (dist/apps/api/src/dashboard, the image's
 * /app) alike. Undefined when the dashboard was not built.
 */
export function findDashboardDir(from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  let dir = from;
  for (let depth = 0; depth < 8; depth += 1) {
    const candidate = join(dir, DASHBOARD_BUILD_DIR);
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/**
 * Headers of every dashboard file: a strict Content-Security-Policy (the page runs no inline
 * script and talks only to this origin; inline styles are allowed for the printable audit report
 * opened from a blob), no MIME sniffing, no framing, and revalidation (no stale UI after upgrade).
 */
export const DASHBOARD_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};
