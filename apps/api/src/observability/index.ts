export {
  ObservabilityModule,
  type ObservabilityModuleAsyncOptions,
} from './observability.module.js';
export {
  LOG_DESTINATION,
  OBSERVABILITY_OPTIONS,
  PINO,
  type ObservabilityOptions,
} from './observability.options.js';
export { PinoLoggerService } from './logging/pino-logger.service.js';
export { createPino, toPinoLevel } from './logging/create-pino.js';
export { redact, scrubText, REDACTED } from './logging/redact.js';
export {
  Metrics,
  COMMAND_OUTCOMES,
  REMINDER_OUTCOMES,
  type CommandOutcome,
  type ReminderOutcome,
} from './metrics/metrics.service.js';
export { startMetricsServer } from './metrics/metrics-server.js';
export {
  CORRELATION_HEADER,
  currentCorrelationId,
  resolveCorrelationId,
  runWithCorrelationId,
} from './correlation/correlation-id.js';
export { CorrelationId } from './correlation/correlation-id.decorator.js';
