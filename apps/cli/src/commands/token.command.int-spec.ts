import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenVerifier } from '@jejak/auth';
import { COMMANDS } from '../commands.js';
import { runCli } from '../run-cli.js';
import { captureIo } from '../testing/capture-io.js';

describe('jejak token in embedded mode without JWT_SECRET (real files)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'jejak-cli-token-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('signs with DATA_DIR/jwt-secret, creating it (0600) if the API has not run yet, then reusing it', async () => {
    const run = async () => {
      const io = captureIo({ DATA_DIR: dataDir });
      const code = await runCli(
        ['token', '--role', 'TPK', '--sub', 'maria', '--name', 'Maria'],
        io,
        COMMANDS,
      );
      expect(code).toBe(0);
      return io.out().trim();
    };
    const first = await run();
    const path = join(dataDir, 'jwt-secret');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const secret = readFileSync(path, 'utf8').trim();
    const verify = createTokenVerifier({ secret });
    await expect(verify(first)).resolves.toMatchObject({ sub: 'maria', roles: ['TPK'] });
    await expect(verify(await run())).resolves.toMatchObject({ sub: 'maria' });
    expect(readFileSync(path, 'utf8').trim()).toBe(secret);
  });
});
