import type { ModuleRef } from '@nestjs/core';
import type { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { RemindersService } from '@jejak/reminders';

/**
 * The `reminders` entry of `/health`: with WORKERS=inline, `RemindersService.health()` (down, so
 * 503, while paused or when Redis may evict: `maxmemory-policy` must be `noeviction`); with
 * WORKERS=off the worker process hosts them and this entry says so.
 */
export async function remindersIndicator(
  moduleRef: ModuleRef,
  indicators: HealthIndicatorService,
): Promise<HealthIndicatorResult> {
  const check = indicators.check('reminders');
  let service: RemindersService;
  try {
    service = moduleRef.get(RemindersService, { strict: false });
  } catch {
    return check.up({ hosted: 'worker' });
  }
  const { status, ...details } = await service.health();
  const problems = [
    ...(details.state === 'active' ? [] : [`reminders are ${details.state}`]),
    ...(details.redis.policyOk === false
      ? [
          `Redis maxmemory-policy is ${details.redis.maxmemoryPolicy ?? 'unknown'}; must be noeviction`,
        ]
      : []),
  ];
  const info = { hosted: 'inline', ...details };
  if (status === 'up' && problems.length === 0) return check.up(info);
  return check.down({ ...info, problem: [...problems, ...(details.message ? [details.message] : [])].join('; ') });
}
