import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadApiConfig, type ApiConfig, type Env } from '../../api/src/api.config.js';
import { chooseDataDir, dataDirNote, installRootOf } from './data-dir.js';

export { ConfigValidationError, type Env } from '../../api/src/api.config.js';

/**
 * The CLI reads the same variables as the API, with the same validation and defaults (the API's
 * pure `loadApiConfig`), so it works on the store and the secret the service uses.
 */
export function loadCliConfig(env: Env): ApiConfig {
  return loadApiConfig(env);
}

/**
 * The environment of this process, plus a `.env` file (variables already set win): the one in the
 * working directory, else the installation's. Without DATA_DIR, the data directory the service
 * uses (`chooseDataDir`), with a note for stderr when it is not ./data here. The only reader of
 * `process.env` in the CLI.
 */
export function cliEnvironment(
  cwd: string = process.cwd(),
  installRoot: string | undefined = installRootOf(),
): { env: Env; note?: string } {
  const envFiles = [join(cwd, '.env'), ...(installRoot ? [join(installRoot, '.env')] : [])];
  const envFile = envFiles.find((file) => existsSync(file));
  if (envFile !== undefined && typeof process.loadEnvFile === 'function')
    process.loadEnvFile(envFile);
  const env = process.env;
  if (env.DATA_DIR !== undefined && env.DATA_DIR !== '') return { env };
  const choice = chooseDataDir(cwd, installRoot);
  const note = dataDirNote(choice, cwd);
  return { env: { ...env, DATA_DIR: choice.dir }, ...(note === undefined ? {} : { note }) };
}
