/** The counters issue 9 asks for; the apps' `Metrics` service fits this shape (optional). */
export type ReminderOutcome = 'scheduled' | 'sent' | 'failed' | 'dropped';

export interface ReminderMetrics {
  reminder(outcome: ReminderOutcome, count?: number): void;
  /** Reads the subscription lag at every scrape until the returned function is called. */
  watchSubscription?(subscriber: string, lag: () => number): () => void;
}
