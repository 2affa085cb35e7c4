import { Module } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import {
  LOG_DESTINATION,
  ObservabilityModule,
  type ObservabilityOptions,
} from '../../apps/api/src/observability/index.js';
import { captureLogs } from './capture-logs.js';

async function startApp(options: ObservabilityOptions) {
  const logs = captureLogs();
  @Module({ imports: [ObservabilityModule.forRoot(options)] })
  class MetricsOnlyModule {}
  const moduleRef = await Test.createTestingModule({ imports: [MetricsOnlyModule] })
    .overrideProvider(LOG_DESTINATION)
    .useValue(logs.destination)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, logs };
}

describe('/metrics access', () => {
  describe('without METRICS_TOKEN', () => {
    let app: NestFastifyApplication;
    beforeAll(async () => ({ app } = await startApp({})));
    afterAll(() => app.close());

    it('answers a loopback client', async () => {
      const response = await request(app.getHttpServer()).get('/metrics').expect(200);
      expect(response.text).toContain('# TYPE jejak_commands_total counter');
    });

    it('refuses any other client with 403 problem+json', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress: '10.20.30.40',
      });
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).not.toContain('jejak_');
    });

    it('ignores X-Forwarded-For: only the TCP peer counts', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress: '10.20.30.40',
        headers: { 'x-forwarded-for': '127.0.0.1' },
      });
      expect(response.statusCode).toBe(403);
    });
  });

  describe('with METRICS_TOKEN', () => {
    let app: NestFastifyApplication;
    beforeAll(async () => ({ app } = await startApp({ metricsToken: 'scrape-token-for-tests' })));
    afterAll(() => app.close());

    it('requires the token, even from loopback', async () => {
      await request(app.getHttpServer()).get('/metrics').expect(401);
      await request(app.getHttpServer())
        .get('/metrics')
        .set('Authorization', 'Bearer nope')
        .expect(401);
    });

    it('answers a bearer of the token from any address', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress: '10.20.30.40',
        headers: { authorization: 'Bearer scrape-token-for-tests' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('jejak_reminders_total');
    });
  });

  describe('with METRICS_PORT', () => {
    let app: NestFastifyApplication;
    let port: number;
    beforeAll(async () => {
      const started = await startApp({ metricsPort: 0, metricsHost: '127.0.0.1' });
      app = started.app;
      const line = started.logs.lines.find((entry) => typeof entry.port === 'number');
      port = line!.port as number;
    });
    afterAll(() => app.close());

    it('serves /metrics and /health on the separate port', async () => {
      const base = `http://127.0.0.1:${port}`;
      const metrics = await fetch(`${base}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('process_cpu_seconds_total');
      const health = await fetch(`${base}/health`);
      expect(await health.json()).toEqual({ status: 'ok' });
      expect((await fetch(`${base}/other`)).status).toBe(404);
    });

    it('no longer serves /metrics on the app port', async () => {
      await request(app.getHttpServer()).get('/metrics').expect(404);
    });
  });
});
