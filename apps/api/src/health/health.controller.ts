import { Controller, Get, Inject } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '@jejak/auth';
import { EVENT_STORE, type EventStore } from '@jejak/event-store';
import { Metrics } from '../observability/index.js';
import { REDIS_PING_TIMEOUT_MS, RedisHealth } from './redis-health.js';
import { remindersIndicator } from './reminders-health.js';
import { subscriptionLags } from './subscription-lags.js';

const STORE_TIMEOUT_MS = 3000;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly redis: RedisHealth,
    private readonly metrics: Metrics,
    private readonly moduleRef: ModuleRef,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({
    summary: 'Readiness: the event store and Redis answer; subscription lags; reminders',
    description:
      '200 when ready; 503 (problem+json with the same details) when a dependency is down.',
  })
  check() {
    return this.health.check([
      () =>
        this.indicators
          .check('store')
          .attempt(async () => {
            await this.store.streamRevision('system-health');
          })
          .withTimeout(STORE_TIMEOUT_MS),
      () =>
        this.indicators
          .check('redis')
          .attempt(({ signal }) => this.redis.ping(signal))
          .withTimeout(REDIS_PING_TIMEOUT_MS),
      async () =>
        this.indicators.check('subscriptions').up({ lag: await subscriptionLags(this.metrics) }),
      () => remindersIndicator(this.moduleRef, this.indicators),
    ]);
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers (no dependency is checked)' })
  live() {
    return { status: 'ok' };
  }
}
