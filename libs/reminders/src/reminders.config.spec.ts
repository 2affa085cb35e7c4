import { DEFAULT_WORKER_CONCURRENCY } from './firing/reminder-worker.js';
import { InvalidRemindersConfigError, parseRemindersConfig } from './reminders.config.js';

describe('parseRemindersConfig', () => {
  it('runs on defaults: local Redis, 3d/1d/overdue, Bahasa Indonesia, log only', () => {
    const config = parseRemindersConfig({});
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.offsets.legal.map((o) => o.label)).toEqual(['3d', '1d', 'overdue']);
    expect(config.lang).toBe('id');
    expect(config.webhook).toBeNull();
    expect(config.email).toBeNull();
    expect(config.queuePrefix).toBe('jejak');
    expect(config.concurrency).toBe(DEFAULT_WORKER_CONCURRENCY);
    expect(DEFAULT_WORKER_CONCURRENCY).toBeGreaterThan(1);
  });

  it('reads the queue prefix and the worker concurrency', () => {
    const config = parseRemindersConfig({
      REMINDER_QUEUE_PREFIX: 'jejak-bkd.ntt',
      REMINDER_CONCURRENCY: '4',
    });
    expect(config.queuePrefix).toBe('jejak-bkd.ntt');
    expect(config.concurrency).toBe(4);
  });

  it.each([
    [{ REMINDER_QUEUE_PREFIX: 'jejak:prod' }, 'REMINDER_QUEUE_PREFIX'],
    [{ REMINDER_QUEUE_PREFIX: 'x'.repeat(65) }, 'REMINDER_QUEUE_PREFIX'],
    [{ REMINDER_CONCURRENCY: '0' }, 'REMINDER_CONCURRENCY'],
    [{ REMINDER_CONCURRENCY: '2.5' }, 'REMINDER_CONCURRENCY'],
    [{ REMINDER_CONCURRENCY: '257' }, 'REMINDER_CONCURRENCY'],
  ])('rejects %j', (vars, variable) => {
    expect(() => parseRemindersConfig(vars)).toThrow(
      expect.objectContaining({ problems: [expect.stringMatching(`^${variable} `)] }),
    );
  });

  it('reads the channels and the recipients per role', () => {
    const config = parseRemindersConfig({
      WEBHOOK_URL: 'https://hooks.example.org/jejak',
      WEBHOOK_SECRET: 'x'.repeat(32),
      SMTP_URL: 'smtp://127.0.0.1:2525',
      SMTP_FROM: 'jejak <jejak@bkd.example.org>',
      REMINDER_RECIPIENTS:
        'SEKRETARIAT=a@bkd.example.org, b@bkd.example.org; PANSEL=p@bkd.example.org',
      NOTIFY_LANG: 'en',
    });
    expect(config.webhook).toEqual({
      url: 'https://hooks.example.org/jejak',
      secret: 'x'.repeat(32),
    });
    expect(config.email?.recipients).toEqual({
      SEKRETARIAT: ['a@bkd.example.org', 'b@bkd.example.org'],
      PANSEL: ['p@bkd.example.org'],
    });
    expect(config.lang).toBe('en');
  });

  it('names every problem at once', () => {
    let error: unknown;
    try {
      parseRemindersConfig({
        WEBHOOK_URL: 'ftp://x',
        NOTIFY_LANG: 'fr',
        REMINDER_OFFSETS: '3 days',
        REMINDER_RECIPIENTS: 'BOSS=a@b.c',
        REDIS_URL: 'http://x',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidRemindersConfigError);
    expect((error as InvalidRemindersConfigError).problems.map((p) => p.split(' ')[0])).toEqual([
      'REMINDER_OFFSETS:',
      'NOTIFY_LANG',
      'REDIS_URL',
      'WEBHOOK_URL',
      'WEBHOOK_SECRET',
      'REMINDER_RECIPIENTS:',
    ]);
  });
});
