import type { LoggerService } from '@nestjs/common';

type Level = 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';

const LABEL: Record<Level, string> = {
  log: '',
  error: 'error: ',
  warn: 'warning: ',
  debug: 'debug: ',
  verbose: 'verbose: ',
  fatal: 'fatal: ',
};

/**
 * The CLI's logger for the libraries it runs (Nest's `Logger`): one plain line per message on
 * stderr (stdout is the command's own output), no colour codes, so `jejak ... | cat` and a
 * redirected stderr read the same as a terminal. Debug and verbose lines are dropped.
 */
export class CliLogger implements LoggerService {
  constructor(private readonly stream: NodeJS.WritableStream) {}

  private write(level: Level, message: unknown, params: unknown[]): void {
    const last = params.at(-1);
    const context = typeof last === 'string' ? last : undefined;
    const text =
      message instanceof Error
        ? message.message
        : typeof message === 'string'
          ? message
          : JSON.stringify(message);
    this.stream.write(`${LABEL[level]}${context === undefined ? '' : `[${context}] `}${text}\n`);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }
  debug(): void {}
  verbose(): void {}
}
