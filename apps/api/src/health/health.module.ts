import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { RedisHealth } from './redis-health.js';

/** `GET /health` (readiness: store, Redis, subscription lag) and `GET /health/live`. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [RedisHealth],
})
export class HealthModule {}
