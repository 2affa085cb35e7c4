/**
 * The API's typed configuration: the only reader of process.env (STYLE.md).
 *
 * Placeholder started by the operations helper (issue 9) so the deployment files can be checked
 * against the config: the platform helper's typed loader (`loadApiConfig(env)`, validation,
 * defaults) belongs in this file and must keep `CONFIG_KEYS` equal to the variables it reads.
 * `test/infra/infra.e2e-spec.ts` fails when a key is missing from `.env.example`, the compose
 * files or the Kubernetes ConfigMap/Secret references. An empty value must mean "unset": the
 * ConfigMap cannot leave a key out, so optional variables appear there as ''.
 */
export const CONFIG_KEYS = [
  'PORT',
  'HOST',
  'EVENT_STORE',
  'EVENT_STORE_PATH',
  'DATA_DIR',
  'DATABASE_URL',
  'EVENTSTORE_CONNECTION_STRING',
  'JWT_SECRET',
  'JWT_JWKS_URL',
  'JWT_ISSUER',
  'JWT_AUDIENCE',
  'REDIS_URL',
  'WORKERS',
  'BODY_LIMIT',
  'MEMBERSHIP_CHECK',
  'PUBLIC_BASE_URL',
  'LOG_LEVEL',
  'METRICS_TOKEN',
  'METRICS_PORT',
] as const;

export type ConfigKey = (typeof CONFIG_KEYS)[number];
