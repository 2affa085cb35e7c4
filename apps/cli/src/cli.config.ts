import { existsSync } from 'node:fs';
import { loadApiConfig, type ApiConfig, type Env } from '../../api/src/api.config.js';

export { ConfigValidationError, type Env } from '../../api/src/api.config.js';

/**
 * The CLI reads the same variables as the API, with the same validation and defaults (the API's
 * pure `loadApiConfig`), so it works on the store and the secret the service uses.
 */
export function loadCliConfig(env: Env): ApiConfig {
  return loadApiConfig(env);
}

/**
 * The environment of this process, plus a `.env` file in the working directory if there is one
 * (variables already set win). The only reader of `process.env` in the CLI.
 */
export function cliEnvironment(envFile = '.env'): Env {
  if (existsSync(envFile) && typeof process.loadEnvFile === 'function')
    process.loadEnvFile(envFile);
  return process.env;
}
