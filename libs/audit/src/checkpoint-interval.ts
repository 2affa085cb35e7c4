/** Default: one signed checkpoint of every moved stream a day. */
export const DEFAULT_CHECKPOINT_INTERVAL = '1d';

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const MIN_MS = 10_000;

/**
 * `AUDIT_CHECKPOINT_INTERVAL`: `<n>s|m|h|d` (at least 10 s) or `off`. Returns the milliseconds,
 * null for off, or undefined when the text is not an interval.
 */
export function parseCheckpointInterval(text: string): number | null | undefined {
  const value = text.trim().toLowerCase();
  if (value === 'off') return null;
  const match = /^(\d+)([smhd])$/.exec(value);
  if (!match) return undefined;
  const ms = Number(match[1]) * UNIT_MS[match[2]!]!;
  return Number.isSafeInteger(ms) && ms >= MIN_MS ? ms : undefined;
}
