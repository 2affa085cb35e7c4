import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** How a command ended: accepted, or why not (the HTTP status it maps to in brackets). */
export const COMMAND_OUTCOMES = [
  'accepted', // 200/201
  'not_allowed_in_state', // 409: the state does not accept the command
  'rules_broken', // 422: one or more docs/domain.md rules (see jejak_command_rule_violations_total)
  'conflict', // 409: lost the race twice
  'stale_revision', // 412: If-Match did not match
] as const;
export type CommandOutcome = (typeof COMMAND_OUTCOMES)[number];

export const REMINDER_OUTCOMES = ['scheduled', 'sent', 'failed', 'dropped'] as const;
export type ReminderOutcome = (typeof REMINDER_OUTCOMES)[number];

export type AppendOutcome = 'ok' | 'conflict' | 'error';

/**
 * The service's Prometheus metrics, in a registry of its own (so several apps in one test process
 * never collide). Other modules inject `Metrics` and call the four methods named in issue 9.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram({
    name: 'jejak_http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [this.registry],
  });
  private readonly commands = new Counter({
    name: 'jejak_commands_total',
    help: 'Commands decided, by command type and outcome (accepted, or the reason of the rejection)',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly ruleViolations = new Counter({
    name: 'jejak_command_rule_violations_total',
    help: 'Rules broken by rejected commands (422), by command type and rule id',
    labelNames: ['type', 'rule'] as const,
    registers: [this.registry],
  });
  private readonly appendDuration = new Histogram({
    name: 'jejak_event_store_append_duration_seconds',
    help: 'Event-store append latency, by outcome (ok, conflict, error)',
    labelNames: ['outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly watched = new Map<string, () => number>();
  private readonly subscriptionLagGauge = new Gauge({
    name: 'jejak_subscription_lag_events',
    help: 'Events committed after a subscriber checkpoint, per subscriber',
    labelNames: ['subscriber'] as const,
    registers: [this.registry],
    collect: () => this.collectWatchedLag(),
  });
  private readonly reminders = new Counter({
    name: 'jejak_reminders_total',
    help: 'Reminders by outcome: scheduled, sent, failed (after retries), dropped (no longer applies)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Zero series exist from the start, so a dashboard or an alert sees 0 rather than nothing.
    for (const outcome of REMINDER_OUTCOMES) this.reminders.inc({ outcome }, 0);
    for (const outcome of ['ok', 'conflict', 'error'] as const)
      this.appendDuration.zero({ outcome });
  }

  httpObserved(method: string, route: string, statusCode: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status_code: String(statusCode) }, seconds);
  }

  /** One decided command; `ruleIds` are the broken rules when the outcome is `rules_broken`. */
  commandDecided(type: string, outcome: CommandOutcome, ruleIds: readonly string[] = []): void {
    this.commands.inc({ type, outcome });
    for (const rule of new Set(ruleIds)) this.ruleViolations.inc({ type, rule });
  }

  appendObserved(seconds: number, outcome: AppendOutcome = 'ok'): void {
    this.appendDuration.observe({ outcome }, seconds);
  }

  subscriptionLag(subscriber: string, lag: number): void {
    this.subscriptionLagGauge.set({ subscriber }, lag);
  }

  /** Reads `lag()` at every scrape until the returned function is called. */
  watchSubscription(subscriber: string, lag: () => number): () => void {
    this.watched.set(subscriber, lag);
    return () => {
      if (this.watched.get(subscriber) === lag) this.watched.delete(subscriber);
    };
  }

  reminder(outcome: ReminderOutcome, count = 1): void {
    this.reminders.inc({ outcome }, count);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  private collectWatchedLag(): void {
    for (const [subscriber, lag] of this.watched) {
      this.subscriptionLagGauge.set({ subscriber }, lag());
    }
  }
}
