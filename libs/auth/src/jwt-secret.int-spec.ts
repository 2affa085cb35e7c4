import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateJwtSecret } from './jwt-secret.js';

describe('loadOrCreateJwtSecret (real files)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jejak-secret-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a random secret once, mode 0600, in a directory it creates', () => {
    const dataDir = join(dir, 'nested', 'data');
    const first = loadOrCreateJwtSecret(dataDir);
    expect(first).toMatchObject({ path: join(dataDir, 'jwt-secret'), created: true });
    expect(first.secret.length).toBeGreaterThanOrEqual(64);
    expect(statSync(first.path).mode & 0o777).toBe(0o600);
    expect(readFileSync(first.path, 'utf8').trim()).toBe(first.secret);
  });

  it('reuses the stored secret afterwards', () => {
    const first = loadOrCreateJwtSecret(dir);
    const second = loadOrCreateJwtSecret(dir);
    expect(second).toEqual({ ...first, created: false });
  });

  it('tightens a secret file someone made readable by others', () => {
    const { path } = loadOrCreateJwtSecret(dir);
    chmodSync(path, 0o644);
    loadOrCreateJwtSecret(dir);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses an empty or too short secret file', () => {
    writeFileSync(join(dir, 'jwt-secret'), 'short\n', { mode: 0o600 });
    expect(() => loadOrCreateJwtSecret(dir)).toThrow('holds no usable secret');
  });
});
