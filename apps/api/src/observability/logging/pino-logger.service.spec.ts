import { Writable } from 'node:stream';
import { runWithCorrelationId } from '../correlation/correlation-id.js';
import { createPino, toPinoLevel } from './create-pino.js';
import { PinoLoggerService } from './pino-logger.service.js';
import { REDACTED } from './redact.js';

function capture(level = 'debug') {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  const logger = new PinoLoggerService(createPino({ level, service: 'test', destination }));
  return { lines, logger };
}

describe('PinoLoggerService', () => {
  it('writes one JSON line with level, time, service, context and message', () => {
    const { lines, logger } = capture();
    logger.log('store opened', 'EventStoreModule');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      service: 'test',
      context: 'EventStoreModule',
      msg: 'store opened',
    });
    expect(typeof lines[0]!.time).toBe('string');
  });

  it('reads Nest error calls: message, stack, context', () => {
    const { lines, logger } = capture();
    const stack = 'Error: boom\n    at somewhere (file.ts:1:1)';
    logger.error('boom', stack, 'ProblemDetailsFilter');
    expect(lines[0]).toMatchObject({
      level: 'error',
      msg: 'boom',
      stack,
      context: 'ProblemDetailsFilter',
    });
  });

  it('merges an object message and an Error parameter', () => {
    const { lines, logger } = capture();
    logger.warn({ selectionId: 's-1', lag: 3 }, 'Projections');
    logger.error('append failed', new Error('disk full'), 'Store');
    expect(lines[0]).toMatchObject({
      level: 'warn',
      selectionId: 's-1',
      lag: 3,
      context: 'Projections',
    });
    expect(lines[1]).toMatchObject({
      msg: 'append failed',
      err: { type: 'Error', message: 'disk full' },
    });
  });

  it('stamps the current correlation id on every line written inside its scope', () => {
    const { lines, logger } = capture();
    runWithCorrelationId('req-42', () => logger.log('inside'));
    logger.log('outside');
    expect(lines[0]).toMatchObject({ msg: 'inside', correlationId: 'req-42' });
    expect(lines[1]).not.toHaveProperty('correlationId');
  });

  it('redacts objects and messages before writing them', () => {
    const { lines, logger } = capture();
    logger.log({
      actor: { sub: 'u1', name: 'Yohanes', nip: '197001011990031001' },
      token: 'eyJx.eyJ.y',
    });
    logger.log('token Bearer abc.def for NIP 197001011990031001');
    const written = JSON.stringify(lines);
    expect(written).not.toContain('Yohanes');
    expect(written).not.toContain('197001011990031001');
    expect(written).not.toContain('abc.def');
    expect(lines[0]).toMatchObject({
      actor: { sub: 'u1', name: REDACTED, nip: REDACTED },
      token: REDACTED,
    });
  });

  it('honours the level: debug lines vanish at info', () => {
    const { lines, logger } = capture('info');
    logger.debug('hidden');
    logger.verbose('hidden too');
    logger.log('shown');
    expect(lines.map((line) => line.msg)).toEqual(['shown']);
  });
});

describe('toPinoLevel', () => {
  it('maps Nest level names to pino and defaults to info', () => {
    expect(toPinoLevel('log')).toBe('info');
    expect(toPinoLevel('verbose')).toBe('trace');
    expect(toPinoLevel('WARN')).toBe('warn');
    expect(toPinoLevel(undefined)).toBe('info');
    expect(toPinoLevel('loud')).toBe('info');
  });
});
