/** Order statistics of a sample (milliseconds unless said otherwise). Pure, no clock. */
export type Summary = {
  n: number;
  median: number;
  min: number;
  max: number;
  mean: number;
  p50: number;
  p99: number;
};

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  const median =
    n === 0 ? Number.NaN : n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    n,
    median,
    min: sorted[0] ?? Number.NaN,
    max: sorted[n - 1] ?? Number.NaN,
    mean: n === 0 ? Number.NaN : sorted.reduce((sum, x) => sum + x, 0) / n,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}

/** `value` with 3 significant digits, e.g. 0.000123 -> "0.000123", 12345 -> "12,345". */
export function fmt(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(digits)).toString();
}

export const fmtRatio = (ratio: number): string => `${fmt(ratio)}x`;

/** "median 1.2 ms (min 1.1, max 1.4)". */
export const fmtSummary = (s: Summary, unit: string): string =>
  `median ${fmt(s.median)} ${unit} (min ${fmt(s.min)}, max ${fmt(s.max)}, n=${s.n})`;

/**
 * How a rate-and-p99 target was missed, saying only the part that missed: "1.2x short of the
 * rate, p99 within the target" or "the rate meets the target, p99 1.75x the target".
 */
export function rateP99Miss(
  rate: number,
  rateTarget: number,
  p99: number,
  p99Target: number,
  what = 'the rate',
): string {
  const ratePart =
    rate >= rateTarget ? `${what} meets the target` : `${fmt(rateTarget / rate)}x short of ${what}`;
  const p99Part =
    p99 <= p99Target ? 'p99 within the target' : `p99 ${fmt(p99 / p99Target)}x the target`;
  return `${ratePart}, ${p99Part}`;
}
