import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseDataDir, dataDirNote, installRootOf } from './data-dir.js';

describe('the data directory of the CLI when DATA_DIR is unset (real directories)', () => {
  let top: string;
  let install: string;
  let elsewhere: string;
  beforeEach(() => {
    top = mkdtempSync(join(tmpdir(), 'jejak-datadir-'));
    install = join(top, 'jejak');
    elsewhere = join(top, 'elsewhere');
    mkdirSync(join(install, 'dist', 'apps', 'cli', 'src'), { recursive: true });
    mkdirSync(elsewhere);
    writeFileSync(join(install, 'package.json'), JSON.stringify({ name: 'jejak' }));
  });
  afterEach(() => rmSync(top, { recursive: true, force: true }));

  it('finds the installation from the compiled CLI, not from an unrelated package.json', () => {
    writeFileSync(join(install, 'dist', 'package.json'), JSON.stringify({ name: 'other' }));
    expect(installRootOf(join(install, 'dist', 'apps', 'cli', 'src'))).toBe(install);
    expect(installRootOf(elsewhere)).toBeUndefined();
  });

  it("uses the installation's data, where the service keeps it, from another directory, and says so", () => {
    mkdirSync(join(install, 'data'));
    writeFileSync(join(install, 'data', 'jwt-secret'), 'x');
    const choice = chooseDataDir(elsewhere, install);
    expect(choice).toEqual({ dir: join(install, 'data'), found: 'install' });
    expect(dataDirNote(choice, elsewhere)).toContain(
      `service's data directory ${join(install, 'data')}`,
    );
  });

  it('uses ./data of the working directory when the service ran there (silently)', () => {
    mkdirSync(join(elsewhere, 'data'));
    writeFileSync(join(elsewhere, 'data', 'jejak.db'), '');
    const choice = chooseDataDir(elsewhere, install);
    expect(choice).toEqual({ dir: join(elsewhere, 'data'), found: 'here' });
    expect(dataDirNote(choice, elsewhere)).toBeUndefined();
  });

  it('with no data anywhere: a new one in the installation, named; outside one, ./data here', () => {
    const fresh = chooseDataDir(elsewhere, install);
    expect(fresh).toEqual({ dir: join(install, 'data'), found: 'new' });
    expect(dataDirNote(fresh, elsewhere)).toContain(
      `no jejak data directory was found: using ${join(install, 'data')}`,
    );
    expect(chooseDataDir(elsewhere, undefined)).toEqual({
      dir: join(elsewhere, 'data'),
      found: 'new',
    });
    expect(dataDirNote(chooseDataDir(install, install), install)).toBeUndefined();
  });
});
