import type { DestinationStream } from 'pino';

export type ObservabilityOptions = {
  /** `service` field of every log line: `jejak-api` (default) or `jejak-worker`. */
  service?: string;
  /** pino or Nest level name (`LOG_LEVEL`); default `info`. */
  logLevel?: string;
  /** `METRICS_TOKEN`: when set, `/metrics` requires `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /**
   * `METRICS_PORT`: serve `/metrics` (and `/health`) on this port instead of the app's own
   * routes; the way to scrape the worker, which has no HTTP.
   */
  metricsPort?: number;
  /** Interface the separate metrics port binds to (the app's `HOST`); default 127.0.0.1. */
  metricsHost?: string;
};

export const OBSERVABILITY_OPTIONS = Symbol('OBSERVABILITY_OPTIONS');
/** Where log lines go: stdout (pretty on a TTY) unless a test or a host overrides it. */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');
/** The process's pino logger. */
export const PINO = Symbol('PINO');

export type LogDestination = DestinationStream;
