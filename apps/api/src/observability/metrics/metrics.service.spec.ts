import { Metrics } from './metrics.service.js';

describe('Metrics', () => {
  it('exposes every series of issue 9 in Prometheus text format', async () => {
    const metrics = new Metrics();
    metrics.httpObserved('POST', '/selections/:id/commands/:type', 422, 0.012);
    metrics.commandDecided('PublishAnnouncement', 'rules_broken', [
      'A-WINDOW',
      'A-GATE',
      'A-WINDOW',
    ]);
    metrics.commandDecided('RegisterVacancy', 'accepted');
    metrics.appendObserved(0.003);
    metrics.subscriptionLag('selection-views', 7);
    metrics.reminder('sent');
    const text = await metrics.scrape();

    expect(text).toContain(
      'jejak_http_request_duration_seconds_count{method="POST",route="/selections/:id/commands/:type",status_code="422"} 1',
    );
    expect(text).toContain(
      'jejak_commands_total{type="PublishAnnouncement",outcome="rules_broken"} 1',
    );
    expect(text).toContain('jejak_commands_total{type="RegisterVacancy",outcome="accepted"} 1');
    expect(text).toContain(
      'jejak_command_rule_violations_total{type="PublishAnnouncement",rule="A-WINDOW"} 1',
    );
    expect(text).toContain(
      'jejak_command_rule_violations_total{type="PublishAnnouncement",rule="A-GATE"} 1',
    );
    expect(text).toContain('jejak_event_store_append_duration_seconds_count{outcome="ok"} 1');
    expect(text).toContain('jejak_subscription_lag_events{subscriber="selection-views"} 7');
    expect(text).toContain('jejak_reminders_total{outcome="sent"} 1');
    expect(text).toContain('jejak_reminders_total{outcome="dropped"} 0');
    expect(text).toContain('process_cpu_seconds_total');
    expect(text).toContain('nodejs_heap_size_used_bytes');
  });

  it('reads a watched subscription at each scrape until unwatched', async () => {
    const metrics = new Metrics();
    let lag = 3;
    const unwatch = metrics.watchSubscription('reminder-scheduler', () => lag);
    expect(await metrics.scrape()).toContain(
      'jejak_subscription_lag_events{subscriber="reminder-scheduler"} 3',
    );
    lag = 0;
    expect(await metrics.scrape()).toContain(
      'jejak_subscription_lag_events{subscriber="reminder-scheduler"} 0',
    );
    unwatch();
    lag = 9;
    expect(await metrics.scrape()).not.toContain('subscriber="reminder-scheduler"} 9');
  });

  it('keeps two instances apart (one registry each)', async () => {
    const a = new Metrics();
    const b = new Metrics();
    a.reminder('failed');
    expect(await a.scrape()).toContain('jejak_reminders_total{outcome="failed"} 1');
    expect(await b.scrape()).toContain('jejak_reminders_total{outcome="failed"} 0');
  });
});
