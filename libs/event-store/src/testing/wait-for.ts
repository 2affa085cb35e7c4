import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Awaits a condition with a bounded loop (no fixed sleep): yields to the event loop between
 * checks and fails with `what` when the bound passes.
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await nextTurn();
  }
}
