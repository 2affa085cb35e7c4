import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Inject, Logger, Module, Post } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { EVENT_STORE, EventStoreModule, type EventStore } from '@jejak/event-store';
import request from 'supertest';
import {
  CorrelationId,
  LOG_DESTINATION,
  ObservabilityModule,
  PinoLoggerService,
} from '../../apps/api/src/observability/index.js';
import { captureLogs } from './capture-logs.js';

/**
 * The observability module on a real Fastify app and a real embedded store, with a stand-in
 * command controller that does what the selections controller does with the correlation id:
 * reads it with @CorrelationId() and stores it in the event's metadata.
 */
@Controller()
class ProbeController {
  private readonly logger = new Logger(ProbeController.name);
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post('probe/streams/:id/events')
  async record(@CorrelationId() correlationId: string, @Body() body: { note: string }) {
    const streamId = `selection-${randomUUID()}`;
    this.logger.log({ streamId, applicant: { name: 'Maria Lede', nip: '198203152006042011' } });
    await this.store.appendToStream(streamId, [
      { type: 'ProbeRecorded', data: body, metadata: { correlationId } },
    ]);
    return { streamId };
  }

  @Get('probe/fail')
  fail(): never {
    throw new Error('boom');
  }
}

describe('HTTP observability (real Fastify app, real embedded store)', () => {
  let dir: string;
  let app: NestFastifyApplication;
  let store: EventStore;
  const logs = captureLogs();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jejak-obs-e2e-'));
    @Module({
      imports: [
        EventStoreModule.forRoot({ kind: 'embedded', path: join(dir, 'events.db') }),
        ObservabilityModule.forRoot({ logLevel: 'debug', service: 'jejak-test' }),
      ],
      controllers: [ProbeController],
    })
    class ProbeModule {}
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] })
      .overrideProvider(LOG_DESTINATION)
      .useValue(logs.destination)
      .compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
      bufferLogs: true,
    });
    app.useLogger(app.get(PinoLoggerService));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    store = app.get<EventStore>(EVENT_STORE);
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const requestLine = (correlationId: string) =>
    logs.lines.find((line) => line.correlationId === correlationId && 'statusCode' in line);

  it('follows a caller X-Request-Id from the response header to the log line and the stored event', async () => {
    const response = await request(app.getHttpServer())
      .post('/probe/streams/x/events')
      .set('X-Request-Id', 'trace-me-123')
      .send({ note: 'hello' })
      .expect(201);

    expect(response.headers['x-request-id']).toBe('trace-me-123');
    expect(requestLine('trace-me-123')).toMatchObject({
      level: 'info',
      service: 'jejak-test',
      method: 'POST',
      route: '/probe/streams/:id/events',
      statusCode: 201,
      latencyMs: expect.any(Number),
    });
    const [event] = await store.readStream((response.body as { streamId: string }).streamId);
    expect(event?.metadata.correlationId).toBe('trace-me-123');
  });

  it('generates an id when the caller sends none (or an unusable one) and uses it everywhere', async () => {
    const response = await request(app.getHttpServer())
      .post('/probe/streams/x/events')
      .set('X-Request-Id', 'not acceptable\twith spaces')
      .send({ note: 'x' })
      .expect(201);
    const generated = response.headers['x-request-id'] as string;
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLine(generated)).toBeDefined();
    const [event] = await store.readStream((response.body as { streamId: string }).streamId);
    expect(event?.metadata.correlationId).toBe(generated);
  });

  it('stamps the correlation id on lines the handler logs, and redacts personal data in them', async () => {
    await request(app.getHttpServer())
      .post('/probe/streams/x/events')
      .set('X-Request-Id', 'redaction-check')
      .send({ note: 'x' })
      .expect(201);
    const handlerLine = logs.lines.find(
      (line) => line.correlationId === 'redaction-check' && line.context === 'ProbeController',
    );
    expect(handlerLine).toMatchObject({ applicant: { name: '[REDACTED]', nip: '[REDACTED]' } });
    expect(logs.text()).not.toContain('Maria Lede');
    expect(logs.text()).not.toContain('198203152006042011');
  });

  it('never logs the Authorization header or a token in the URL', async () => {
    await request(app.getHttpServer())
      .get('/probe/unknown?token=abc.def.ghi')
      .set('Authorization', 'Bearer abc.def.ghi')
      .set('X-Request-Id', 'token-check')
      .expect(404);
    expect(requestLine('token-check')).toMatchObject({ route: 'unmatched', statusCode: 404 });
    expect(logs.text()).not.toContain('abc.def.ghi');
  });

  it('logs a failed request at error level', async () => {
    await request(app.getHttpServer())
      .get('/probe/fail')
      .set('X-Request-Id', 'fail-check')
      .expect(500);
    expect(requestLine('fail-check')).toMatchObject({ level: 'error', statusCode: 500 });
  });

  it('serves /metrics to a loopback client with the request histogram and the append latency', async () => {
    const response = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.text).toMatch(
      /jejak_http_request_duration_seconds_count\{method="POST",route="\/probe\/streams\/:id\/events",status_code="201"\} \d+/,
    );
    expect(response.text).toMatch(
      /jejak_event_store_append_duration_seconds_count\{outcome="ok"\} [1-9]/,
    );
  });
});
