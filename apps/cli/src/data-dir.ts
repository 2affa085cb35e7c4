import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the CLI keeps its data when DATA_DIR is unset, and why (see `chooseDataDir`). */
export type DataDirChoice = {
  dir: string;
  /** `here`: ./data of the working directory; `install`: the data of the jejak installation. */
  found: 'here' | 'install' | 'new';
};

/** A directory the API has used: it holds its generated secret or its embedded store. */
export function holdsJejakData(dir: string): boolean {
  return existsSync(join(dir, 'jwt-secret')) || existsSync(join(dir, 'jejak.db'));
}

/**
 * The jejak installation this code runs from: the nearest directory above `from` whose
 * package.json is named `jejak` (the directory `npm start` runs the service in), if any.
 */
export function installRootOf(
  from: string = dirname(fileURLToPath(import.meta.url)),
): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'jejak')
          return dir;
      } catch {
        // not a readable manifest: keep looking above
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The data directory when DATA_DIR is unset, so that the CLI run from any directory signs with
 * the secret and reads the store the service uses: ./data of the working directory when the API
 * has used it (the service was started here), else the installation's ./data (where `npm start`
 * keeps it) when it has been used, else a new one there (or here, outside an installation).
 */
export function chooseDataDir(cwd: string, installRoot: string | undefined): DataDirChoice {
  const here = resolve(cwd, 'data');
  if (holdsJejakData(here)) return { dir: here, found: 'here' };
  if (installRoot !== undefined) {
    const installed = join(installRoot, 'data');
    return { dir: installed, found: holdsJejakData(installed) ? 'install' : 'new' };
  }
  return { dir: here, found: 'new' };
}

/** What the CLI says on stderr about a data directory it chose outside the working directory. */
export function dataDirNote(choice: DataDirChoice, cwd: string): string | undefined {
  if (choice.dir === resolve(cwd, 'data')) return undefined;
  return choice.found === 'install'
    ? `jejak: DATA_DIR is unset and ./data here holds no jejak data: using the service's data directory ${choice.dir}`
    : `jejak: DATA_DIR is unset and no jejak data directory was found: using ${choice.dir}`;
}
