import type { Metrics } from '../observability/index.js';

/** Events behind per subscriber, as the metrics see them (the gauge reads each subscription). */
export async function subscriptionLags(metrics: Metrics): Promise<Record<string, number>> {
  const gauge = metrics.registry.getSingleMetric('jejak_subscription_lag_events');
  if (gauge === undefined) return {};
  const { values } = await gauge.get();
  return Object.fromEntries(
    values.map((sample) => [String(sample.labels.subscriber), sample.value] as const),
  );
}
