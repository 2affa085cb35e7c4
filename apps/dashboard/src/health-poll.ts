// How often the dashboard asks /health (for the "reminders paused" banner): once a minute while
// the tab is visible, never while it is hidden, at once when it becomes visible again or on a
// navigation, but not twice within HEALTH_MIN_GAP_MS.

export const HEALTH_POLL_MS = 60_000;
export const HEALTH_MIN_GAP_MS = 15_000;

/** The part of `document` read here (a test passes its own). */
export type VisibilitySource = {
  readonly hidden: boolean;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
};

export type HealthPoll = { onNavigate: () => void; stop: () => void };

export function pollHealth(
  check: () => void,
  page: VisibilitySource,
  now: () => number = Date.now,
): HealthPoll {
  let last = Number.NEGATIVE_INFINITY;
  const run = () => {
    last = now();
    check();
  };
  const runIfDue = () => {
    if (!page.hidden && now() - last >= HEALTH_MIN_GAP_MS) run();
  };
  const timer = setInterval(() => {
    if (!page.hidden) run();
  }, HEALTH_POLL_MS);
  page.addEventListener('visibilitychange', runIfDue);
  runIfDue();
  return {
    onNavigate: runIfDue,
    stop: () => {
      clearInterval(timer);
      page.removeEventListener('visibilitychange', runIfDue);
    },
  };
}
