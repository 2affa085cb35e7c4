import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';
import type pinoPrettyModule from 'pino-pretty';
import { currentCorrelationId } from '../correlation/correlation-id.js';
import { redact, scrubText } from './redact.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Nest's level names (`log`, `verbose`) and pino's, to pino's. */
export function toPinoLevel(level: string | undefined): LogLevel {
  const name = (level ?? 'info').toLowerCase();
  switch (name) {
    case 'log':
      return 'info';
    case 'verbose':
      return 'trace';
    case 'fatal':
    case 'error':
    case 'warn':
    case 'info':
    case 'debug':
    case 'trace':
    case 'silent':
      return name;
    default:
      return 'info';
  }
}

/**
 * pino-pretty, loaded only for a terminal: a server logging JSON (containers, the bench) does not
 * pay for loading it at start-up.
 */
const loadPinoPretty = (): typeof pinoPrettyModule =>
  createRequire(import.meta.url)('pino-pretty') as typeof pinoPrettyModule;

/** Human-readable lines for a person at a terminal (written at once); JSON lines for the rest. */
export function defaultLogDestination(
  stdout: NodeJS.WriteStream = process.stdout,
): DestinationStream {
  return stdout.isTTY
    ? loadPinoPretty()({
        colorize: true,
        sync: true,
        destination: stdout,
        translateTime: 'SYS:HH:MM:ss.l',
        // Request lines already say method, route, status and latency in their message.
        ignore: 'pid,hostname,service,context,method,route,statusCode,latencyMs',
        messageFormat: '{if context}[{context}] {end}{msg}',
      })
    : // Asynchronous: lines logged while a write is out go out together in the next one (one
      // write per burst, not per request under load); pino flushes what is left on exit.
      pino.destination({ dest: 1, sync: false });
}

export type PinoOptions = { level?: string; service?: string; destination?: DestinationStream };

/**
 * The one pino logger of a process: JSON with ISO times, the current correlation id on every
 * line, and every object and message redacted before it is written.
 */
export function createPino(options: PinoOptions = {}): Logger {
  return pino(
    {
      level: toPinoLevel(options.level),
      base: { service: options.service ?? 'jejak-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // redact() already turned errors into plain { type, message, stack } objects.
      serializers: { err: (error: unknown) => error },
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redact(object) as Record<string, unknown>,
      },
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId === undefined ? {} : { correlationId };
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? defaultLogDestination(),
  );
}
