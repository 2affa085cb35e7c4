import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { HEALTH_MIN_GAP_MS, HEALTH_POLL_MS, pollHealth } from './health-poll.js';

function fakePage() {
  const listeners = new Set<() => void>();
  return {
    hidden: false,
    addEventListener: (_type: 'visibilitychange', listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: 'visibilitychange', listener: () => void) =>
      listeners.delete(listener),
    show(hidden: boolean) {
      this.hidden = hidden;
      for (const listener of listeners) listener();
    },
    listeners,
  };
}

describe('polling /health', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('checks at once, then once a minute (not every few seconds)', () => {
    const check = jest.fn();
    const poll = pollHealth(check, fakePage(), () => Date.now());
    expect(check).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(HEALTH_POLL_MS - 1);
    expect(check).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1);
    expect(check).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(5 * HEALTH_POLL_MS);
    expect(check).toHaveBeenCalledTimes(7);
    poll.stop();
  });

  it('never while the tab is hidden; at once when it shows again, if the last check is not recent', () => {
    const check = jest.fn();
    const page = fakePage();
    const poll = pollHealth(check, page, () => Date.now());
    page.show(true);
    jest.advanceTimersByTime(10 * HEALTH_POLL_MS);
    expect(check).toHaveBeenCalledTimes(1);
    page.show(false);
    expect(check).toHaveBeenCalledTimes(2);
    page.show(true);
    page.show(false); // back within the gap: no second check
    expect(check).toHaveBeenCalledTimes(2);
    poll.stop();
    expect(page.listeners.size).toBe(0);
    jest.advanceTimersByTime(10 * HEALTH_POLL_MS);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('on a navigation, only when the last check is older than the gap', () => {
    const check = jest.fn();
    const poll = pollHealth(check, fakePage(), () => Date.now());
    poll.onNavigate();
    expect(check).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(HEALTH_MIN_GAP_MS);
    poll.onNavigate();
    expect(check).toHaveBeenCalledTimes(2);
    poll.stop();
  });
});
