import { jest } from '@jest/globals';
import { monotonicClock } from '../../apps/api/src/security/monotonic-clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3_600_000;

describe("the server's clock steps back an hour between two commands", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    jest.useRealTimers();
    await t?.close();
  });

  it('no event of a stream is recorded before the one it follows', async () => {
    const token = await t.tokenFor('SEKRETARIAT');
    const opened = await t
      .http()
      .post('/selections')
      .auth(token, { type: 'bearer' })
      .send({ kind: 'jptp-open-selection', title: 'Seleksi saat jam mundur' })
      .expect(201);
    const id = opened.body.id as string;
    // Only Date is faked: timers, promises and I/O run as usual.
    jest.useFakeTimers({
      doNotFake: [
        'nextTick',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
      now: Date.now() - HOUR,
    });
    expect(Date.now()).toBeLessThan(new Date(opened.headers.date as string).getTime() - HOUR / 2);
    const second = await t
      .http()
      .post('/selections')
      .auth(token, { type: 'bearer' })
      .send({ kind: 'jptp-open-selection', title: 'Seleksi kedua' })
      .expect(201);
    jest.useRealTimers();
    const all = await t.store.readAll();
    const times = all.map((event) => Date.parse(event.recordedAt));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]!);
    expect(all.some((event) => event.streamId.includes(second.body.id as string))).toBe(true);
    expect(all.some((event) => event.streamId.includes(id))).toBe(true);
  });

  it('monotonicClock never answers earlier than before', () => {
    let now = 10 * HOUR;
    const clock = monotonicClock(() => new Date(now));
    expect(clock().getTime()).toBe(10 * HOUR);
    now -= HOUR;
    expect(clock().getTime()).toBe(10 * HOUR);
    now = 11 * HOUR;
    expect(clock().getTime()).toBe(11 * HOUR);
  });
});
