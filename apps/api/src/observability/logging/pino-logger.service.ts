import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

const STACK = /\n\s+at /;

/**
 * Nest's `LoggerService` on pino: `new Logger(Class.name)` everywhere in the app writes one JSON
 * line with `context`, the correlation id, and redaction applied.
 *
 * Nest calls `log(message, ...params, context)`, `error(message, stack?, context)`; the last string
 * parameter is the context, a string that looks like a stack trace is the stack, an Error is `err`,
 * and a plain object is merged into the line.
 */
export class PinoLoggerService implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const fields: Record<string, unknown> = {};
    const rest = [...params];
    const last = rest.at(-1);
    if (rest.length > 0 && typeof last === 'string' && !STACK.test(last)) {
      fields.context = rest.pop();
    }
    for (const param of rest) {
      if (param instanceof Error) fields.err = param;
      else if (typeof param === 'string' && STACK.test(param)) fields.stack = param;
      else if (param !== null && typeof param === 'object') Object.assign(fields, param);
      else if (param !== undefined) fields.detail = param;
    }
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, message.message);
    } else if (message !== null && typeof message === 'object') {
      this.pino[level]({ ...fields, ...message });
    } else {
      this.pino[level](fields, String(message));
    }
  }
}
